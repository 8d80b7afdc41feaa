namespace Tau2Observe.Cli.LoadTesting;

/// <summary>A consistent copy of the recorder's counts at one moment.</summary>
public sealed record LoadTestTotals(
    int Started, int PeakInFlight, int StartFailures, int EvaluationFailures, int Lost, IReadOnlyList<SimulationSample> Finished, IReadOnlyDictionary<string, int> CommonErrors);
