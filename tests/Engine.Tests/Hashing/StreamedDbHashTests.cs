using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Tests.Hashing;

/// <summary>The streamed hash (with cached bytes of pristine records) is exactly the hash of the whole canonical text.</summary>
public class StreamedDbHashTests
{
    [Theory]
    [InlineData("airline")]
    [InlineData("retail")]
    [InlineData("mock")]
    public void Streamed_hash_equals_the_hash_of_the_canonical_text_before_and_after_every_gold_action(string domainName)
    {
        var domain = TestData.Registry.Get(domainName);
        var env = domain.CreateEnvironment();
        Assert.Equal(DbHasher.HashText(DbHasher.CanonicalJson(env.AgentTools.Db)), env.AgentDbHash());

        int changes = 0;
        foreach (var task in domain.LoadTasks().Take(15))
        {
            env = domain.CreateEnvironment();
            string before = env.AgentDbHash()!;
            foreach (var action in task.EvaluationCriteria?.Actions ?? [])
            {
                try { env.MakeToolCall(action.Name, action.Requestor, action.Arguments); }
                catch (ToolCallException) { }
                Assert.Equal(DbHasher.HashText(DbHasher.CanonicalJson(env.AgentTools.Db)), env.AgentDbHash());
            }
            if (env.AgentDbHash() != before) changes++;
        }
        Assert.True(changes > 0, "no gold action changed the database: the test would not exercise changed records");
        // a fresh environment still hashes as the pristine one
        Assert.Equal(DbHasher.HashText(DbHasher.CanonicalJson(domain.CreateEnvironment().AgentTools.Db)), domain.CreateEnvironment().AgentDbHash());
    }
}
