namespace Tau2Observe.Engine.A2A;

/// <summary>An A2A 0.3 agent card, served at <c>{agent}/.well-known/agent-card.json</c>.</summary>
public sealed class AgentCard
{
    public string ProtocolVersion { get; set; } = "0.3.0";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The preferred JSON-RPC endpoint.</summary>
    public string Url { get; set; } = "";
    public string PreferredTransport { get; set; } = "JSONRPC";
    public string Version { get; set; } = "1.0.0";
    public AgentCapabilities Capabilities { get; set; } = new();
    public List<string> DefaultInputModes { get; set; } = ["text/plain"];
    public List<string> DefaultOutputModes { get; set; } = ["text/plain"];
    public List<AgentSkill> Skills { get; set; } = [];
}
