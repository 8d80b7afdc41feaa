namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// The silos at one moment: CPU of the sampled silo processes (percent of one core, summed),
/// their resident memory, and the managed memory Orleans reports for every silo.
/// </summary>
public sealed record ResourceSample(double ElapsedSeconds, int InFlight, int Completed, double? CpuPercent, long? ResidentBytes, long? ManagedBytes, int Silos);
