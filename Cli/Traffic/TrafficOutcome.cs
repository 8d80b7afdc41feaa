namespace Tau2Observe.Cli.Traffic;

/// <summary>
/// How one request ended. <see cref="Succeeded"/> follows the reference generator's rule (a2a.md
/// §5.4): no tool error, no <c>failed</c> state, no transport failure. The evaluation's own figures
/// (reward, terminations) come from the result artifact, when one arrived.
/// </summary>
public sealed record TrafficOutcome
{
    public required TrafficRequest Request { get; init; }
    public bool Succeeded => Error is null;
    public string? Error { get; init; }
    public string? FinalState { get; init; }
    public string? EvaluationId { get; init; }
    public int Events { get; init; }
    public double Seconds { get; init; }
    public double? AvgReward { get; init; }
    public int? Simulations { get; init; }
    public IReadOnlyDictionary<string, int> TerminationCounts { get; init; } = new Dictionary<string, int>();
}
