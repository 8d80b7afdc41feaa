namespace Tau2Observe.Cli.LoadTesting;

/// <summary>A consistent copy of the recorder's counts at one moment.</summary>
public sealed record LoadTestTotals(
    int Started, int PeakInFlight, int StartFailures, int EvaluationFailures, int Lost, IReadOnlyList<SimulationSample> Finished, IReadOnlyDictionary<string, int> CommonErrors)
{
    /// <summary>A run that measured nothing.</summary>
    public static LoadTestTotals None { get; } = new(0, 0, 0, 0, 0, [], new Dictionary<string, int>());
}
