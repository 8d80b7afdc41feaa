using System.Diagnostics;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// One evaluation of a load test, as its driver reports it: started (with how many simulations),
/// each simulation as it finishes, and any failure. It keeps the accounting the drivers share:
/// a concurrency permit per simulation (taken by the runner before the start, given back as each
/// one finishes), duplicates dropped, wall time from the start, and at the end every simulation
/// not seen finishing counted as lost. A driver reports from one follower at a time.
/// </summary>
public sealed class LoadEvaluation
{
    private readonly LoadTestRecorder _recorder;
    private readonly SemaphoreSlim _slots;
    private readonly Stopwatch _clock;
    private readonly TimeSpan _startedAt;
    private readonly int _permits;
    private readonly HashSet<(string TaskId, int Trial)> _seen = [];
    private bool _failed;

    internal LoadEvaluation(LoadTestRecorder recorder, SemaphoreSlim slots, Stopwatch clock, int permits)
    {
        _recorder = recorder;
        _slots = slots;
        _clock = clock;
        _permits = permits;
        _startedAt = clock.Elapsed;
    }

    /// <summary>The cluster's id of the evaluation, once it has started (for cancelling it).</summary>
    public string? EvaluationId { get; private set; }

    /// <summary>Simulations the evaluation has; null until it has started.</summary>
    public int? TotalTrials { get; private set; }

    /// <summary>Every simulation has been seen finishing.</summary>
    public bool IsComplete => TotalTrials is { } total && _seen.Count >= total;

    public void Started(string evaluationId, int totalTrials)
    {
        if (TotalTrials is not null) return;
        EvaluationId = evaluationId;
        TotalTrials = Math.Min(totalTrials, _permits);
        // an evaluation can be smaller than asked for (a domain with fewer tasks): free the rest at once
        if (TotalTrials < _permits) _slots.Release(_permits - TotalTrials.Value);
        _recorder.Started(TotalTrials.Value);
    }

    /// <param name="runSeconds">The trial's own measure of its run.</param>
    /// <param name="turns">Messages of the simulation, the greeting included.</param>
    public void TrialFinished(string taskId, int trial, double runSeconds, int turns, string terminationReason, string? error)
    {
        if (TotalTrials is null || IsComplete || !_seen.Add((taskId, trial))) return;
        // recorded before its permit is given back: a launch the permit allows must not count it as still in flight
        if (terminationReason == TerminationReason.Cancelled)
        {
            _recorder.Lost(1); // stopped by the drain timeout: not a measured simulation
        }
        else
        {
            error ??= terminationReason == TerminationReason.InfrastructureError ? "infrastructure error" : null;
            var now = _clock.Elapsed;
            _recorder.Finished(new SimulationSample((now - _startedAt).TotalSeconds, runSeconds, turns, terminationReason, error, now.TotalSeconds));
        }
        _slots.Release();
    }

    /// <summary>
    /// The evaluation did not start, or following it failed (a JSON-RPC error, a dropped stream, a
    /// failed evaluation): one error with its message. Only the first failure of an evaluation counts.
    /// </summary>
    public void Failed(string error)
    {
        if (_failed) return;
        _failed = true;
        if (TotalTrials is null) _recorder.StartFailed(error);
        else _recorder.EvaluationFailed(error);
    }

    /// <summary>Called by the runner once the driver is done with the evaluation: gives back what is still held.</summary>
    internal void End()
    {
        if (TotalTrials is not { } total)
        {
            _slots.Release(_permits);
            return;
        }
        int missing = total - _seen.Count;
        if (missing <= 0) return;
        _recorder.Lost(missing);
        _slots.Release(missing);
    }
}
