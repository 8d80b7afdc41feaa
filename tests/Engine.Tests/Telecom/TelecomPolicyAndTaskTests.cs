using System.Security.Cryptography;
using System.Text;
using Tau2Observe.Engine.Domains.Telecom;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>Policy assembly (tau2-engine §2.2, domain-telecom §6.1) and the task sets and splits (§8).</summary>
public class TelecomPolicyAndTaskTests
{
    [Theory]
    [InlineData("telecom", false, 23318, "065b48503bf780153fc671455cdfddb85b4c6ffb11e2ea93bd940233d804c3e9")]
    [InlineData("telecom-workflow", false, 22164, "4713ad7b8c70d1767f29352410dc0a1eeec46b62ef218987e06afec276b75fdb")]
    [InlineData("telecom", true, 22819, "71b10d43f320b7929746bd867281322bb0b692086f155c2105191d64a04d0fd5")]
    [InlineData("telecom-workflow", true, 20745, "9425f99b3392be03808fe9a8f45edd4885103ab90efc384e68f94695cfb74589")]
    public void Policy_text_is_assembled_exactly(string domain, bool solo, int length, string sha256)
    {
        var env = TestData.Registry.Get(domain).CreateEnvironment(solo);
        Assert.Equal(domain, env.DomainName);
        Assert.Equal(solo, env.SoloMode);
        Assert.Equal(length, env.Policy.EnumerateRunes().Count()); // Python counts code points
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(env.Policy))));
        Assert.StartsWith("<main_policy>\n", env.Policy);
        Assert.EndsWith("\n</tech_support_policy>", env.Policy);
    }

    [Theory]
    [InlineData("base", 114)]
    [InlineData("small", 20)]
    [InlineData("train", 74)]
    [InlineData("test", 40)]
    [InlineData("full", 2285)]
    [InlineData(null, 2285)]
    public void Splits_of_the_full_task_file(string? split, int count) => Assert.Equal(count, Manual.LoadTasks(split).Count);

    [Fact]
    public void Default_split_is_base_in_task_file_order_and_disjoint_from_small()
    {
        var all = Manual.LoadTasks(null);
        var basis = Manual.LoadTasks();
        Assert.Equal(114, basis.Count);
        var position = all.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Assert.True(basis.Select(t => position[t.Id]).SequenceEqual(basis.Select(t => position[t.Id]).Order()));
        Assert.Empty(basis.Select(t => t.Id).Intersect(Manual.LoadTasks("small").Select(t => t.Id)));
        Assert.Equal(["small", "train", "test", "full", "base"], Manual.SplitNames());
        // both variants share the one parsed task list
        Assert.Same(Manual.LoadTasks(null), Workflow.LoadTasks(null));
    }

    [Fact]
    public void Small_task_set_is_tasks_small_json_with_the_ids_of_the_small_split()
    {
        var small = Manual.LoadTasks(taskSet: TelecomDomain.SmallTaskSet);
        Assert.Equal(20, small.Count);
        Assert.Equal(Manual.LoadTasks("small").Select(t => t.Id), small.Select(t => t.Id));
        Assert.Equal(small, Manual.LoadTasks("small", TelecomDomain.SmallTaskSet));
        Assert.Equal(["small"], Manual.SplitNames(TelecomDomain.SmallTaskSet));
        Assert.Throws<ArgumentException>(() => Manual.LoadTasks("train", TelecomDomain.SmallTaskSet));
        Assert.Throws<ArgumentException>(() => Manual.LoadTasks("nope"));
    }

    [Fact]
    public void Reward_bases_of_the_full_set()
    {
        var counts = Manual.LoadTasks(null).GroupBy(t => string.Join("+", t.EvaluationCriteria!.RewardBasis)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2253, counts["ENV_ASSERTION"]);
        Assert.Equal(32, counts["ENV_ASSERTION+ACTION"]);
    }
}
