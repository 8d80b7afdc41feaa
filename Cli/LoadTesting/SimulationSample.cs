namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// One finished simulation as the load test saw it: <see cref="WallSeconds"/> from the start of its
/// evaluation to its result arriving, <see cref="RunSeconds"/> as the trial measured it,
/// <see cref="Turns"/> user and agent messages (the first is the fixed greeting, which is not
/// generated and adds no simulated latency), and when it arrived since the test began.
/// </summary>
public sealed record SimulationSample(double WallSeconds, double RunSeconds, int Turns, string TerminationReason, string? Error, double FinishedAtSeconds)
{
    public int GeneratedTurns => Math.Max(0, Turns - 1);
}
