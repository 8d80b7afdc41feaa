using System.Collections.Concurrent;
using Orleans.Storage;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// Grain storage in front of the silo's memory storage that lets a test hold or fail one trial's
/// write of a chosen checkpoint (named by how many messages it holds), or hold or fail an evaluation's
/// write of its first trial result, records which checkpoints and how many results were stored, and
/// counts how many writes of each grain's state were in flight at once.
/// </summary>
public sealed class CheckpointWriteControl(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, Rule> Rules = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<int>> Written = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<int>> ResultsWritten = new();
    private static readonly Lock MostConcurrentLock = new();
    private readonly ConcurrentDictionary<GrainId, int> _inFlight = new();

    /// <summary>The largest number of writes of one grain's state that were in flight together.</summary>
    public static int MostConcurrentWrites { get; private set; }

    /// <summary>Holds the write of <paramref name="trialKey"/>'s checkpoint with <paramref name="messages"/> messages until <see cref="Rule.Release"/>.</summary>
    public static Rule Hold(string trialKey, int messages) => Rules[trialKey] = new Rule(messages, fail: false);

    /// <summary>Fails the write of <paramref name="trialKey"/>'s checkpoint with <paramref name="messages"/> messages, once.</summary>
    public static Rule FailOnce(string trialKey, int messages) => Rules[trialKey] = new Rule(messages, fail: true);

    /// <summary>Fails the write in which the evaluation <paramref name="evaluationId"/> records its first trial result, once.</summary>
    public static Rule FailFirstResultOnce(string evaluationId) => Rules[evaluationId] = new Rule(messages: 0, fail: true);

    /// <summary>Holds the write in which the evaluation <paramref name="evaluationId"/> records its first trial result until <see cref="Rule.Release"/>.</summary>
    public static Rule HoldFirstResult(string evaluationId) => Rules[evaluationId] = new Rule(messages: 0, fail: false);

    /// <summary>How many trial results each stored write of the evaluation <paramref name="evaluationId"/> held, in order.</summary>
    public static IReadOnlyList<int> ResultCountsStored(string evaluationId) => ResultsWritten.TryGetValue(evaluationId, out var q) ? [.. q] : [];

    /// <summary>The message counts of the checkpoints stored for <paramref name="trialKey"/>, in order.</summary>
    public static IReadOnlyList<int> CheckpointsStored(string trialKey) => Written.TryGetValue(trialKey, out var q) ? [.. q] : [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        int together = _inFlight.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        lock (MostConcurrentLock) MostConcurrentWrites = Math.Max(MostConcurrentWrites, together);
        try
        {
            string key = grainId.Key.ToString()!;
            int? messages = grainState.State is TrialState { CheckpointJson: { } json, Result: null }
                ? SimulationCheckpoint.FromJson(json).Trajectory.Count
                : grainState.State is EvaluationState { Trials.Count: 1 } ? 0 : null;
            if (messages is not null && Rules.TryGetValue(key, out var rule) && messages == rule.Messages && rule.Take())
            {
                rule.Reached.TrySetResult();
                if (rule.Fails) throw new IOException("the store is unavailable (test)");
                await rule.Released.Task;
            }
            // counted as the write is handed on: that is when the state's content is taken
            int? results = grainState.State is EvaluationState { Trials.Count: > 0 } evaluation ? evaluation.Trials.Count : null;
            await inner.WriteStateAsync(stateName, grainId, grainState);
            if (messages is { } stored and > 0) Written.GetOrAdd(key, _ => new ConcurrentQueue<int>()).Enqueue(stored);
            if (results is { } count) ResultsWritten.GetOrAdd(key, _ => new ConcurrentQueue<int>()).Enqueue(count);
        }
        finally
        {
            _inFlight.AddOrUpdate(grainId, 0, (_, n) => n - 1);
        }
    }

    public sealed class Rule(int messages, bool fail)
    {
        private int _taken;

        public int Messages => messages;
        public bool Fails => fail;

        /// <summary>Completes when the chosen write has started, and is being held or has failed.</summary>
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Whether the held write is still waiting.</summary>
        public bool IsHeld => Reached.Task.IsCompleted && !Released.Task.IsCompleted;

        public void Release() => Released.TrySetResult();

        // once: the same checkpoint written again (after a retry) goes through
        internal bool Take() => Interlocked.Exchange(ref _taken, 1) == 0;
    }
}
