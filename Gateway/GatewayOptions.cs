using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>Settings of the gateway (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// How the Orleans client finds the cluster: <c>localhost</c>, <c>redis</c>, or <c>none</c> (no cluster;
    /// an <see cref="IEvaluationService"/> must be registered otherwise). Unset: follows the silo's
    /// <c>Tau2Observe:Backend</c> (<c>redis</c> → <c>redis</c>, else <c>localhost</c>), so both hosts share one setting.
    /// </summary>
    public string? Clustering { get; set; }

    /// <summary>The silo's Orleans gateway port for <c>localhost</c> clustering. Unset: <c>Tau2Observe:GatewayPort</c>, else 30000.</summary>
    public int? OrleansGatewayPort { get; set; }

    /// <summary>StackExchange.Redis connection string, for <c>redis</c> clustering. Unset: <c>Tau2Observe:Redis</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Externally visible base URL put in the agent card (e.g. behind a proxy); default: the caller's view.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long <c>message/send</c> waits for an evaluation to finish before answering with a <c>working</c> task to poll.</summary>
    public double SendWaitSeconds { get; set; } = 20;

    /// <summary>Interval of SSE keep-alive comments while an evaluation runs.</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    /// <summary>Whether a new evaluation's agent URL must accept a TCP connection first (else: -32602, nothing started).</summary>
    public bool ProbeAgentEndpoint { get; set; } = true;

    /// <summary>How long that connection may take.</summary>
    public double AgentProbeSeconds { get; set; } = 5;

    /// <summary>Upper bound of <c>num_tasks</c> (and of the number of <c>task_ids</c>); the reference gateway's 30.</summary>
    public int MaxTasks { get; set; } = EvaluationLimits.ReferenceMaxTasks;

    /// <summary>Upper bound of <c>num_trials</c>; the reference gateway's 3.</summary>
    public int MaxTrials { get; set; } = EvaluationLimits.ReferenceMaxTrials;

    /// <summary>
    /// Optional model (LiteLLM style, e.g. <c>gemini/gemini-2.0-flash</c>) that reads text requests the
    /// deterministic parser does not understand; its key comes from the provider's environment variable.
    /// </summary>
    public string? RequestModel { get; set; }

    /// <summary>Base URL of <see cref="RequestModel"/>'s OpenAI-compatible API, when not the provider's default.</summary>
    public string? RequestModelBaseUrl { get; set; }

    /// <summary>Bearer keys the gateway accepts; empty = no authentication. <c>SERVICE_API_KEYS</c> (comma-separated, the reference's name) adds to them.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>JSON-RPC and results-API requests per client (API key, else remote address) per minute; 0 = unlimited.</summary>
    public int RateLimitPerMinute { get; set; } = 120;

    /// <summary>Largest request body; a larger JSON-RPC body is refused with -32600 (or HTTP 413 when its Content-Length says so up front).</summary>
    public int MaxRequestBodyBytes { get; set; } = JsonRpcRequestReader.DefaultMaxBodyBytes;

    /// <summary>tau2's max_steps for gateway requests that do not set one; the reference gateway uses 50.</summary>
    public int DefaultMaxSteps { get; set; } = 50;
}
