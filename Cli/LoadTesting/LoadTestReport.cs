using System.Text.Json.Nodes;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// The figures of one load test. Steady throughput counts the simulations that finished while the
/// test was still launching (no drain tail). The turn overhead is what a simulation took
/// beyond its simulated latency (generated turns × latency), per generated turn. Memory per
/// in-flight simulation is the managed memory on the plateau (in flight ≥ 90 % of the peak) above
/// the idle baseline, divided by the simulations in flight there; growth compares the first and
/// last third of the plateau. Errors count evaluations that did not start or could not be followed
/// to their end, and simulations that ended in an error. An interrupted run (Ctrl+C) reports what
/// it measured until then; the simulations it cancelled or did not see finishing are lost.
/// </summary>
public sealed record LoadTestReport
{
    public required LoadTestSettings Settings { get; init; }
    public required LoadTestTotals Totals { get; init; }
    /// <summary>How the cluster was driven: <c>grains</c> (Orleans client) or <c>gateway</c> (A2A over HTTP).</summary>
    public string Driver { get; init; } = "grains";
    /// <summary>Simulations completed in the unmeasured warm-up (none of them counted anywhere else).</summary>
    public int WarmUpSimulations { get; init; }
    /// <summary>Set when the run was stopped (Ctrl+C) before it ended by itself.</summary>
    public LoadTestInterruption? Interruption { get; init; }
    /// <summary>Figures this run could not measure, and why (e.g. no <c>--silo-pid</c>).</summary>
    public IReadOnlyList<string> Unavailable { get; init; } = [];
    public double LaunchSeconds { get; init; }
    public double TotalSeconds { get; init; }
    public int CompletedInLaunchWindow { get; init; }
    public int Silos { get; init; }
    public Percentiles SimulationSeconds { get; init; } = Percentiles.Empty;
    public double? MeanTurns { get; init; }
    public double? MeanLatencySumSeconds { get; init; }
    /// <summary>Mean time the trials measured for their own run (orchestrator and grading, without fan-out and reporting).</summary>
    public double? MeanRunSeconds { get; init; }
    public double? TurnOverheadMs { get; init; }
    public double? WallOverLatencySum { get; init; }
    public int Errors { get; init; }
    public double? CpuPercentMean { get; init; }
    public double? CpuPercentPeak { get; init; }
    public long? ResidentBytesPeak { get; init; }
    public long? ManagedBytesBaseline { get; init; }
    public long? ManagedBytesPeak { get; init; }
    public double? PlateauInFlight { get; init; }
    public double? MemoryPerInFlightBytes { get; init; }
    public double? PlateauMemoryGrowthPercent { get; init; }
    public IReadOnlyList<ResourceSample> Samples { get; init; } = [];

    public int Completed => Totals.Finished.Count;
    /// <summary>Completed simulations over the whole test, drain included.</summary>
    public double SimulationsPerSecond => TotalSeconds > 0 ? Completed / TotalSeconds : 0;

    /// <summary>Simulations completed while launching, per second: the steady rate of a run bounded by its duration
    /// (null when launching took under <see cref="MinSteadySeconds"/>, i.e. the run was bounded by its count).</summary>
    public double? SteadySimulationsPerSecond => LaunchSeconds >= MinSteadySeconds ? CompletedInLaunchWindow / LaunchSeconds : null;

    private const double MinSteadySeconds = 10;

    public static LoadTestReport Build(
        LoadTestSettings settings, LoadTestTotals totals, ResourceSample baseline, IReadOnlyList<ResourceSample> samples, double launchSeconds, double totalSeconds)
    {
        var finished = totals.Finished;
        var ok = finished.Where(s => s.Error is null).ToList();
        double latency = settings.TurnLatency.TotalSeconds;
        var withTurns = ok.Where(s => s.GeneratedTurns > 0).ToList();

        var plateau = totals.PeakInFlight > 0 ? samples.Where(s => s.InFlight >= 0.9 * totals.PeakInFlight && s.ManagedBytes is not null).ToList() : [];
        double? plateauInFlight = plateau.Count > 0 ? plateau.Average(s => s.InFlight) : null;
        double? plateauManaged = plateau.Count > 0 ? plateau.Average(s => (double)s.ManagedBytes!.Value) : null;
        var cpu = samples.Where(s => s.CpuPercent is not null).Select(s => s.CpuPercent!.Value).ToList();

        return new LoadTestReport
        {
            Settings = settings,
            Totals = totals,
            LaunchSeconds = launchSeconds,
            TotalSeconds = totalSeconds,
            CompletedInLaunchWindow = finished.Count(s => s.FinishedAtSeconds <= launchSeconds),
            Silos = samples.Select(s => s.Silos).DefaultIfEmpty(baseline.Silos).Max(),
            SimulationSeconds = Percentiles.Of(ok.Select(s => s.WallSeconds)),
            MeanTurns = ok.Count > 0 ? ok.Average(s => s.Turns) : null,
            MeanLatencySumSeconds = ok.Count > 0 ? ok.Average(s => s.GeneratedTurns * latency) : null,
            MeanRunSeconds = ok.Count > 0 ? ok.Average(s => s.RunSeconds) : null,
            TurnOverheadMs = withTurns.Count > 0 ? withTurns.Average(s => (s.WallSeconds - s.GeneratedTurns * latency) / s.GeneratedTurns) * 1000 : null,
            WallOverLatencySum = latency > 0 && withTurns.Count > 0 ? withTurns.Average(s => s.WallSeconds / (s.GeneratedTurns * latency)) : null,
            Errors = totals.StartFailures + totals.EvaluationFailures + finished.Count(s => s.Error is not null),
            CpuPercentMean = cpu.Count > 0 ? cpu.Average() : null,
            CpuPercentPeak = cpu.Count > 0 ? cpu.Max() : null,
            ResidentBytesPeak = samples.Max(s => s.ResidentBytes),
            ManagedBytesBaseline = baseline.ManagedBytes,
            ManagedBytesPeak = samples.Max(s => s.ManagedBytes),
            PlateauInFlight = plateauInFlight,
            MemoryPerInFlightBytes = plateauManaged is { } m && baseline.ManagedBytes is { } b && plateauInFlight is > 0 ? (m - b) / plateauInFlight : null,
            PlateauMemoryGrowthPercent = Growth(plateau),
            Samples = samples,
        };
    }

    /// <summary>Mean managed memory of the plateau's last third against its first third, in percent.</summary>
    private static double? Growth(List<ResourceSample> plateau)
    {
        if (plateau.Count < 6) return null;
        int third = plateau.Count / 3;
        double first = plateau.Take(third).Average(s => (double)s.ManagedBytes!.Value);
        double last = plateau.TakeLast(third).Average(s => (double)s.ManagedBytes!.Value);
        return first > 0 ? (last - first) / first * 100 : null;
    }

    public JsonObject ToJson() => new()
    {
        ["driver"] = Driver,
        ["interrupted"] = Interruption is not null,
        ["interrupted_during"] = Interruption?.Phase,
        ["interrupted_after_seconds"] = Round(Interruption?.AfterSeconds),
        ["domain"] = Settings.Domain,
        ["turn_latency_ms"] = Settings.TurnLatency.TotalMilliseconds,
        ["concurrency_limit"] = Settings.Concurrency,
        ["simulations_requested"] = Settings.Simulations,
        ["simulations_per_evaluation"] = Settings.SimulationsPerEvaluation,
        ["duration_limit_seconds"] = Settings.Duration.TotalSeconds,
        ["warm_up_seconds"] = Settings.WarmUp.TotalSeconds,
        ["warm_up_simulations"] = WarmUpSimulations,
        ["silos"] = Silos,
        ["simulations_started"] = Totals.Started,
        ["simulations_completed"] = Completed,
        ["simulations_lost"] = Totals.Lost,
        ["errors"] = Errors,
        ["start_failures"] = Totals.StartFailures,
        ["evaluation_failures"] = Totals.EvaluationFailures,
        ["common_errors"] = new JsonObject(Totals.CommonErrors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
        ["launch_seconds"] = Round(LaunchSeconds),
        ["total_seconds"] = Round(TotalSeconds),
        ["simulations_per_second"] = Round(SimulationsPerSecond),
        ["steady_simulations_per_second"] = Round(SteadySimulationsPerSecond),
        ["in_flight_peak"] = Totals.PeakInFlight,
        ["simulation_seconds"] = SimulationSeconds.ToJson(),
        ["mean_turns"] = Round(MeanTurns),
        ["mean_latency_sum_seconds"] = Round(MeanLatencySumSeconds),
        ["mean_run_seconds"] = Round(MeanRunSeconds),
        ["turn_overhead_ms"] = Round(TurnOverheadMs),
        ["wall_over_latency_sum"] = Round(WallOverLatencySum),
        ["silo_cpu_percent_mean"] = Round(CpuPercentMean),
        ["silo_cpu_percent_peak"] = Round(CpuPercentPeak),
        ["silo_resident_bytes_peak"] = ResidentBytesPeak,
        ["silo_managed_bytes_baseline"] = ManagedBytesBaseline,
        ["silo_managed_bytes_peak"] = ManagedBytesPeak,
        ["plateau_in_flight"] = Round(PlateauInFlight),
        ["memory_per_in_flight_bytes"] = Round(MemoryPerInFlightBytes),
        ["plateau_memory_growth_percent"] = Round(PlateauMemoryGrowthPercent),
        ["unavailable"] = new JsonArray(Unavailable.Select(u => (JsonNode?)u).ToArray()),
        ["samples"] = new JsonArray(Samples.Select(s => (JsonNode?)new JsonObject
        {
            ["t"] = Round(s.ElapsedSeconds),
            ["in_flight"] = s.InFlight,
            ["completed"] = s.Completed,
            ["cpu_percent"] = Round(s.CpuPercent),
            ["resident_bytes"] = s.ResidentBytes,
            ["managed_bytes"] = s.ManagedBytes,
        }).ToArray()),
    };

    internal static JsonNode? Round(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 3)) : null;
}
