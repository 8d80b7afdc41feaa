using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>
/// Kind <c>evaluation</c>: grade a recorded trajectory with type <c>all</c> and compare the reward
/// information as JSON values (key order free, numbers by value and kind), or require a failure.
/// </summary>
public sealed class EvaluationCaseRunner(DomainRegistry domains) : IConformanceCaseRunner
{
    public string Kind => "evaluation";

    public CaseResult Run(PyDict v, ConformanceOptions options)
    {
        string caseId = (string)v["case_id"]!;
        var task = TauTask.FromPy((PyDict)v["task"]!);
        var simDict = (PyDict)v["simulation"]!;
        var sim = new SimulationRun
        {
            TaskId = task.Id, StartTime = "", EndTime = "",
            TerminationReason = (string)simDict["termination_reason"]!,
            Messages = ((List<object?>)simDict["messages"]!).Select(m => Message.FromPy((PyDict)m!)).ToList(),
        };
        var evaluator = new Evaluator(domains.Get((string)v["domain"]!));
        var expected = v.GetOrDefault("expected_reward_info") as PyDict;
        RewardInfo actual;
        try
        {
            actual = evaluator.EvaluateAsync(sim, task).GetAwaiter().GetResult();
        }
        catch (EvaluationFailedException e)
        {
            return expected is null
                ? CaseResult.Pass(caseId, Kind)
                : CaseResult.Fail(caseId, Kind, [$"evaluation failed unexpectedly: {e.Message}"]);
        }
        if (expected is null)
            return CaseResult.Fail(caseId, Kind, [$"expected the evaluation to fail ({(v.GetOrDefault("expected") as PyDict)?.GetOrDefault("raises")}), but it produced reward {actual.Reward}"]);
        var mismatches = new List<string>();
        JsonDiff.Compare("reward_info", expected, actual.ToPy(), mismatches);
        return mismatches.Count == 0 ? CaseResult.Pass(caseId, Kind) : CaseResult.Fail(caseId, Kind, mismatches);
    }
}
