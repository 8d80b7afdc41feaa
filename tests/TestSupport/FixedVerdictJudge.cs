using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.TestSupport;

/// <summary>
/// A deterministic NL-assertion judge for tests: each assertion is met when <paramref name="verdict"/>
/// says so (by default: every assertion). Records what it was asked, so tests can check it was consulted.
/// </summary>
public sealed class FixedVerdictJudge(Func<string, bool>? verdict = null) : INlAssertionJudge
{
    private readonly List<IReadOnlyList<string>> _calls = [];

    public IReadOnlyList<IReadOnlyList<string>> Calls => _calls;

    public Task<List<PyDict>> JudgeAsync(IReadOnlyList<Message> trajectory, IReadOnlyList<string> assertions, CancellationToken ct)
    {
        lock (_calls) _calls.Add(assertions.ToList());
        var checks = assertions.Select(a =>
        {
            bool met = verdict?.Invoke(a) ?? true;
            return new PyDict { ["nl_assertion"] = a, ["met"] = met, ["justification"] = met ? "judged met" : "judged not met" };
        }).ToList();
        return Task.FromResult(checks);
    }
}
