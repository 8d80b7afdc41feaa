using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// What one load test does: evaluations of <see cref="TasksPerEvaluation"/> × <see cref="TrialsPerEvaluation"/>
/// simulations with the oracle agent and scripted user, until <see cref="Simulations"/> have been
/// started or <see cref="Duration"/> has passed, never more than <see cref="Concurrency"/> in flight.
/// </summary>
public sealed record LoadTestSettings
{
    public string Domain { get; init; } = "airline";
    public int Simulations { get; init; } = 100;
    public int Concurrency { get; init; } = 100;
    public int TasksPerEvaluation { get; init; } = 10;
    public int TrialsPerEvaluation { get; init; } = 1;
    public TimeSpan TurnLatency { get; init; } = TimeSpan.FromMilliseconds(1500);
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>How long the same load runs, unmeasured, before the measured run (0: one small evaluation only).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;
    /// <summary>How long simulations still in flight may take to finish once launching has stopped.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);
    public long Seed { get; init; } = 300;

    public int SimulationsPerEvaluation => TasksPerEvaluation * TrialsPerEvaluation;

    /// <summary>Whole evaluations are launched: <see cref="Simulations"/> rounded up to them.</summary>
    public long EvaluationsToLaunch => (Simulations + SimulationsPerEvaluation - 1L) / SimulationsPerEvaluation;

    public void Validate()
    {
        if (Simulations <= 0) throw new CliError("--simulations must be greater than 0");
        if (Concurrency <= 0) throw new CliError("--concurrency must be greater than 0");
        if (TasksPerEvaluation <= 0 || TrialsPerEvaluation <= 0) throw new CliError("--tasks-per-evaluation and --trials-per-evaluation must be greater than 0");
        if (EvaluationLimits.Local.CheckNumTrials("--trials-per-evaluation", TrialsPerEvaluation) is { } tooMany) throw new CliError(tooMany);
        if (SimulationsPerEvaluation > Concurrency)
            throw new CliError($"an evaluation has {SimulationsPerEvaluation} simulations, more than --concurrency {Concurrency}");
        if (TurnLatency < TimeSpan.Zero) throw new CliError("--turn-latency-ms cannot be negative");
        if (Duration <= TimeSpan.Zero) throw new CliError("--duration must be greater than 0");
        if (WarmUp < TimeSpan.Zero) throw new CliError("--warm-up cannot be negative");
    }
}
