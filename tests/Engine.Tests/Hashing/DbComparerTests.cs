using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Tests.Hashing;

/// <summary>Comparing databases directly gives the same answer as comparing their canonical hashes.</summary>
public class DbComparerTests
{
    [Theory]
    [InlineData("airline")]
    [InlineData("retail")]
    [InlineData("mock")]
    [InlineData("telecom")]
    public void Direct_comparison_agrees_with_hash_equality_for_gold_action_replays(string domainName)
    {
        var domain = TestData.Registry.Get(domainName);
        var tasks = domain.LoadTasks().Where(t => t.EvaluationCriteria?.Actions is { Count: > 0 }).Take(8).ToList();
        var states = tasks.Select(t => Replay(domain, t, t.EvaluationCriteria!.Actions!.Count)).ToList();
        // the same task replayed again, and with its last action left out
        states.AddRange(tasks.Select(t => Replay(domain, t, t.EvaluationCriteria!.Actions!.Count)));
        states.AddRange(tasks.Select(t => Replay(domain, t, t.EvaluationCriteria!.Actions!.Count - 1)));
        states.Add(domain.CreateEnvironment());

        var hashes = states.ToDictionary(s => s, s => (s.AgentDbHash(), s.UserDbHash()));
        int equalPairs = 0, differentPairs = 0;
        foreach (var a in states)
        foreach (var b in states)
        {
            bool byHash = hashes[a] == hashes[b];
            bool direct = DbComparer.CanonicallyEqual(a.AgentTools.Db, b.AgentTools.Db) && DbComparer.CanonicallyEqual(a.UserTools?.Db, b.UserTools?.Db);
            Assert.Equal(byHash, direct);
            if (byHash) equalPairs++; else differentPairs++;
        }
        Assert.True(differentPairs > 0 && equalPairs > states.Count, $"{equalPairs} equal, {differentPairs} different: the cases do not exercise both answers");
    }

    private static DomainEnvironment Replay(IDomain domain, Data.Tasks.TauTask task, int actions)
    {
        var env = domain.CreateEnvironment();
        env.SetState(task.InitialState, task.InitialState?.MessageHistory);
        foreach (var action in task.EvaluationCriteria!.Actions!.Take(actions))
        {
            try { env.MakeToolCall(action.Name, action.Requestor, action.Arguments); }
            catch (ToolCallException) { }
        }
        return env;
    }
}
