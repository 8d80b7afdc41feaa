using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>Kind <c>metrics</c>: avg reward, pass^k and average agent cost of a batch, within 1e-9.</summary>
public sealed class MetricsCaseRunner : IConformanceCaseRunner
{
    public string Kind => "metrics";

    public CaseResult Run(PyDict v, ConformanceOptions options)
    {
        string caseId = (string)v["case_id"]!;
        int numTrials = (int)(long)v["num_trials"]!;
        var sims = ((List<object?>)v["simulations"]!).Cast<PyDict>().Select(s => new SimulationOutcome(
            (string)s["task_id"]!, (int)(long)s["trial"]!, PyValue.ToDouble(s["reward"]),
            s.GetOrDefault("agent_cost") is { } c ? PyValue.ToDouble(c) : null)).ToList();
        var m = PassHatK.Compute(sims, numTrials);
        var expected = (PyDict)v["expected"]!;
        var mismatches = new List<string>();
        Near("avg_reward", PyValue.ToDouble(expected["avg_reward"]), m.AvgReward, mismatches);
        var ks = (PyDict)expected["pass_hat_ks"]!;
        if (ks.Count != m.PassHatKs.Count) mismatches.Add($"pass_hat_ks: expected k = 1..{ks.Count}, got 1..{m.PassHatKs.Count}");
        foreach (var (k, val) in ks)
            if (m.PassHatKs.TryGetValue(int.Parse(k), out var got)) Near($"pass_hat_{k}", PyValue.ToDouble(val), got, mismatches);
        var expectedCost = expected.GetOrDefault("avg_agent_cost");
        if (expectedCost is null != m.AvgAgentCost is null) mismatches.Add($"avg_agent_cost: expected {PyRepr.Repr(expectedCost)}, got {m.AvgAgentCost}");
        else if (expectedCost is not null) Near("avg_agent_cost", PyValue.ToDouble(expectedCost), m.AvgAgentCost!.Value, mismatches);
        return mismatches.Count == 0 ? CaseResult.Pass(caseId, Kind) : CaseResult.Fail(caseId, Kind, mismatches);
    }

    private static void Near(string what, double expected, double actual, List<string> mismatches)
    {
        if (Math.Abs(expected - actual) > 1e-9) mismatches.Add($"{what}: expected {expected}, got {actual}");
    }
}
