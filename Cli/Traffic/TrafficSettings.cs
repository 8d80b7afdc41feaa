namespace Tau2Observe.Cli.Traffic;

/// <summary>What the traffic generator sends: <see cref="Count"/> evaluation requests to the gateway, at most <see cref="Concurrency"/> at a time.</summary>
public sealed record TrafficSettings
{
    public static readonly IReadOnlyList<string> Domains = ["mock", "airline", "retail", "telecom"];

    public required Uri GatewayRpcUrl { get; init; }
    public required IReadOnlyList<string> AgentUrls { get; init; }
    public int Count { get; init; } = 5;
    public TrafficMode Mode { get; init; } = TrafficMode.Normal;
    /// <summary>null: a random domain per request (seeded by <see cref="Seed"/>).</summary>
    public string? Domain { get; init; }
    public int NumTasks { get; init; } = 2;
    public int NumTrials { get; init; } = 1;
    public int Concurrency { get; init; } = int.MaxValue;
    public int Seed { get; init; } = 0;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);
    public string? UserModel { get; init; }
    /// <summary>Sent as <c>X-User-LLM-API-Key</c>; never printed.</summary>
    public string? UserApiKey { get; init; }
}
