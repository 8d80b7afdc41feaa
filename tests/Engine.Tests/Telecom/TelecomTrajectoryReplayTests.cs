using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>
/// The recorded conversations of the telecom evaluation vectors hold real reference tool outputs.
/// Replaying each through a fresh environment must reproduce every output (set_state's strict
/// replay), and the domain-side grading facts must agree with the expected reward info: the DB
/// match between the replayed and the gold environment (gold actions without sync) and each
/// environment assertion's result. Scoring itself belongs to the evaluator, not to this domain.
/// </summary>
public class TelecomTrajectoryReplayTests
{
    private const string File = "telecom.evaluation.jsonl";

    public static IEnumerable<object[]> ScoredCases() =>
        ConformanceRunner.ReadVectors(TestData.ConformanceFile(File))
            .Where(v => v["expected_reward_info"] is PyDict info && info["db_check"] is not null)
            .Select(v => new object[] { (string)v["case_id"]! });

    [Theory]
    [MemberData(nameof(ScoredCases))]
    public void Replay_reproduces_outputs_db_match_and_assertions(string caseId)
    {
        var vector = TestData.Vector(File, caseId);
        var task = TauTask.FromPy((PyDict)vector["task"]!);
        var messages = ((List<object?>)((PyDict)vector["simulation"]!)["messages"]!).Select(m => Message.FromPy((PyDict)m!)).ToList();
        var expected = (PyDict)vector["expected_reward_info"]!;
        var domain = TestData.Registry.Get((string)vector["domain"]!);

        var predicted = domain.CreateEnvironment();
        predicted.SetState(task.InitialState, messages);

        var gold = domain.CreateEnvironment();
        gold.SetState(task.InitialState, null);
        foreach (var action in task.EvaluationCriteria?.Actions ?? [])
        {
            try { gold.MakeToolCall(action.Name, action.Requestor, action.Arguments); }
            catch (ToolCallException) { /* logged and ignored by the evaluator */ }
        }
        bool dbMatch = predicted.AgentDbHash() == gold.AgentDbHash() && predicted.UserDbHash() == gold.UserDbHash();
        Assert.Equal(((PyDict)expected["db_check"]!)["db_match"], dbMatch);

        var expectedAssertions = expected["env_assertions"] as List<object?> ?? [];
        var assertions = task.EvaluationCriteria?.EnvAssertions ?? [];
        Assert.Equal(expectedAssertions.Count, assertions.Count);
        for (int i = 0; i < assertions.Count; i++)
            Assert.Equal(((PyDict)expectedAssertions[i]!)["met"], predicted.RunEnvAssertion(assertions[i]));
    }
}
