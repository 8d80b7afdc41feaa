namespace Tau2Observe.Engine.A2A;

/// <summary>One entry of an A2A 1.0 card's <c>supportedInterfaces</c>: where to reach the agent, with which binding and protocol version.</summary>
public sealed class AgentInterface
{
    public const string JsonRpcBinding = "JSONRPC";

    public string Url { get; set; } = "";
    public string ProtocolBinding { get; set; } = JsonRpcBinding;
    public string ProtocolVersion { get; set; } = A2AVersions.V1_0;
    public string? Tenant { get; set; }
}
