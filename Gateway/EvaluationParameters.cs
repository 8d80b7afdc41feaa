using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// The parameters of <c>run_tau2_evaluation</c> as the caller gave them (names as in
/// tau2-observe's tool: domain, agent_endpoint, num_tasks, num_trials, task_ids), before checking.
/// </summary>
public sealed record EvaluationParameters
{
    public const string OracleEndpoint = "oracle";
    public const int MaxAgentEndpointLength = 2048;
    /// <summary>A minute per turn is far beyond any real model's latency: larger values are typos.</summary>
    public const int MaxSimulatedTurnLatencyMs = 60_000;

    public string? Domain { get; init; }
    public string? AgentEndpoint { get; init; }
    public int? NumTasks { get; init; }
    public int? NumTrials { get; init; }
    public IReadOnlyList<string>? TaskIds { get; init; }
    public long? Seed { get; init; }
    public int? MaxSteps { get; init; }
    public int? MaxErrors { get; init; }
    /// <summary>For load tests: the delay before every message the built-in oracle agent or scripted user generates.</summary>
    public int? SimulatedTurnLatencyMs { get; init; }

    /// <summary>The checked request; every problem is a -32602 error that says what to fix.</summary>
    public EvaluationRequest ToRequest(string clientRequestId, GatewayOptions options, DomainCatalog domains)
    {
        if (string.IsNullOrWhiteSpace(Domain))
            throw Invalid("Missing domain: name the tau2 domain to evaluate on (e.g. \"on the airline domain\", or \"domain\": \"airline\")"
                          + (domains.Names is { Count: > 0 } n ? $"; known domains: {string.Join(", ", n)}." : "."));
        string domain = Domain.Trim().ToLowerInvariant();
        domains.Check(domain);
        string agent = CheckAgentEndpoint(AgentEndpoint);
        var limits = new EvaluationLimits(options.MaxTasks, options.MaxTrials);
        if (NumTasks is { } tasks && limits.CheckNumTasks("num_tasks", tasks) is { } badTasks) throw Invalid(badTasks);
        if (NumTrials is { } trials && limits.CheckNumTrials("num_trials", trials) is { } badTrials) throw Invalid(badTrials);
        if (TaskIds is { } ids && (ids.Count == 0 || ids.Any(string.IsNullOrWhiteSpace)))
            throw Invalid("task_ids must be a non-empty list of task ids.");
        if (TaskIds is { Count: var count } && limits.CheckTaskIdCount("task_ids", count) is { } tooMany) throw Invalid(tooMany);
        if (TaskIds?.FirstOrDefault(t => t.Length > QuotedValue.MaxLength) is { } longId)
            throw Invalid($"task_ids: '{QuotedValue.Of(longId)}' is longer than {QuotedValue.MaxLength} characters.");
        if (MaxSteps is < 1) throw Invalid($"max_steps must be at least 1 (got {MaxSteps}).");
        if (MaxErrors is < 1) throw Invalid($"max_errors must be at least 1 (got {MaxErrors}).");
        if (SimulatedTurnLatencyMs is < 0 or > MaxSimulatedTurnLatencyMs)
            throw Invalid($"simulated_turn_latency_ms must be between 0 and {MaxSimulatedTurnLatencyMs} (got {SimulatedTurnLatencyMs}).");

        var request = new EvaluationRequest
        {
            Domain = domain,
            AgentEndpoint = agent,
            NumTasks = NumTasks,
            NumTrials = NumTrials ?? 1,
            TaskIds = TaskIds?.Select(t => t.Trim()).ToList(),
            // tau2-observe runs named tasks from the whole task set, not the base split
            TaskSplit = TaskIds is null ? "base" : null,
            MaxSteps = MaxSteps ?? options.DefaultMaxSteps,
            SimulatedTurnLatencyMs = SimulatedTurnLatencyMs ?? 0,
            ClientRequestId = clientRequestId,
        };
        if (MaxErrors is { } maxErrors) request = request with { MaxErrors = maxErrors };
        if (Seed is { } seed) request = request with { Seed = seed };
        return request;
    }

    private static string CheckAgentEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
            throw Invalid("Missing agent endpoint: give the A2A URL of the agent to evaluate (e.g. \"for agent at http://127.0.0.1:5101/agents/oracle\", or \"agent_endpoint\": \"...\"), or \"oracle\" for the built-in oracle.");
        var trimmed = endpoint.Trim();
        if (trimmed.Length > MaxAgentEndpointLength)
            throw Invalid($"agent_endpoint must be at most {MaxAgentEndpointLength} characters (got {trimmed.Length}).");
        if (string.Equals(trimmed, OracleEndpoint, StringComparison.OrdinalIgnoreCase)) return OracleEndpoint;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            throw Invalid("agent_endpoint must be an http:// or https:// URL, or \"oracle\".");
        return trimmed.TrimEnd('/');
    }

    private static JsonRpcException Invalid(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
