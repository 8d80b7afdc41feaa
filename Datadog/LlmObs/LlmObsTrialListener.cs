using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Datadog.LlmObs;

/// <summary>Submits each finished trial's LLM Observability span and evaluations (a silo registers it when <c>DD_API_KEY</c> is set).</summary>
public sealed class LlmObsTrialListener(LlmObsEvaluationSubmitter submitter) : ITrialListener
{
    public Task TrialFinishedAsync(SimulationRun run, string domain, string evaluationId, string agentEndpoint, CancellationToken ct) =>
        submitter.SubmitAsync(run, domain, evaluationId, agentEndpoint, run.TraceContext, ct);
}
