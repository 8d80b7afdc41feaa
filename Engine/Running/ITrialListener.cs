using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Running;

/// <summary>
/// Told about every graded trial once it is stored, e.g. to submit LLM Observability evaluations.
/// Implementations must not throw for their own failures: a trial's outcome never depends on them.
/// </summary>
public interface ITrialListener
{
    Task TrialFinishedAsync(SimulationRun run, string domain, string evaluationId, string agentEndpoint, CancellationToken ct);
}
