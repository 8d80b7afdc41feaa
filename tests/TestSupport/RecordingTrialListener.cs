using System.Collections.Concurrent;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.TestSupport;

/// <summary>Keeps every trial a silo reports to its <see cref="ITrialListener"/>s, by evaluation id.</summary>
public sealed class RecordingTrialListener : ITrialListener
{
    public static RecordingTrialListener Shared { get; } = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SimulationRun>> _runs = new();

    public IReadOnlyList<SimulationRun> For(string evaluationId) =>
        _runs.TryGetValue(evaluationId, out var runs) ? runs.ToList() : [];

    public Task TrialFinishedAsync(SimulationRun run, string domain, string evaluationId, string agentEndpoint, CancellationToken ct)
    {
        _runs.GetOrAdd(evaluationId, _ => new ConcurrentQueue<SimulationRun>()).Enqueue(run);
        return Task.CompletedTask;
    }
}
