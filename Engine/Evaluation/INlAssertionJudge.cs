using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// Judges natural-language assertions over a trajectory (tau2's LLM judge). Returns one check per
/// judged assertion: <c>{"nl_assertion", "met", "justification"}</c>.
/// </summary>
public interface INlAssertionJudge
{
    Task<List<PyDict>> JudgeAsync(IReadOnlyList<Message> trajectory, IReadOnlyList<string> assertions, CancellationToken ct);
}
