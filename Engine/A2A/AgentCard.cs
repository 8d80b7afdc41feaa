using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// An agent card, served at <c>{agent}/.well-known/agent-card.json</c>: the A2A 0.3 fields plus
/// 1.0's <see cref="SupportedInterfaces"/>, so one card serves both generations of clients (the
/// "hybrid" card of the official SDKs).
/// </summary>
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

    /// <summary>Name → OpenAPI-style security scheme (a2a.md §1.6), e.g. <c>{"bearer": {"type": "http", "scheme": "bearer"}}</c>.</summary>
    public JsonObject? SecuritySchemes { get; set; }

    /// <summary>Which schemes a request needs: a list of <c>{name: [scopes]}</c> alternatives.</summary>
    public JsonArray? Security { get; set; }

    /// <summary>A2A 1.0: every binding and version the agent speaks; absent on 0.3-only cards.</summary>
    public List<AgentInterface>? SupportedInterfaces { get; set; }

    /// <summary>1.0 when the card lists a JSON-RPC interface for A2A 1.x, else 0.3 (what a card without <c>supportedInterfaces</c> means).</summary>
    public A2AProtocolVersion PreferredJsonRpcVersion() =>
        SupportedInterfaces?.Any(i => string.Equals(i.ProtocolBinding, AgentInterface.JsonRpcBinding, StringComparison.OrdinalIgnoreCase)
                                      && A2AVersions.TryParse(i.ProtocolVersion, out var v) && v == A2AProtocolVersion.V1_0) == true
            ? A2AProtocolVersion.V1_0
            : A2AProtocolVersion.V0_3;
}
