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

    public int MaxTasks { get; set; } = 1000;
    public int MaxTrials { get; set; } = 32;

    /// <summary>tau2's max_steps for gateway requests that do not set one; the reference gateway uses 50.</summary>
    public int DefaultMaxSteps { get; set; } = 50;
}
