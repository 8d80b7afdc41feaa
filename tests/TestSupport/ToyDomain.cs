using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.TestSupport;

/// <summary>A test-only domain: two counters and three tasks the oracle agent solves.</summary>
public sealed class ToyDomain : IDomain
{
    public const string DomainName = "toy";
    public const string Policy = "You manage counters. Only change a counter when the user asks.";
    public static readonly IReadOnlyList<string> TaskIds = ["inc_a", "inc_b_twice", "tell_a"];

    private const string TasksJson = """
        [
          {"id": "inc_a", "user_scenario": {"instructions": "Please increment counter a."},
           "evaluation_criteria": {"actions": [{"action_id": "inc_a_0", "name": "increment", "arguments": {"name": "a", "by": 1}}],
                                   "reward_basis": ["DB"]}},
          {"id": "inc_b_twice", "user_scenario": {"instructions": "Increment counter b by 1, then by 2."},
           "evaluation_criteria": {"actions": [{"action_id": "inc_b_0", "name": "increment", "arguments": {"name": "b", "by": 1}},
                                               {"action_id": "inc_b_1", "name": "increment", "arguments": {"name": "b", "by": 2}}],
                                   "reward_basis": ["DB"]}},
          {"id": "tell_a", "user_scenario": {"instructions": "What is the value of counter a?"},
           "evaluation_criteria": {"actions": [{"action_id": "tell_a_0", "name": "get_counter", "arguments": {"name": "a"}}],
                                   "communicate_info": ["counter a is 0"], "reward_basis": ["DB", "COMMUNICATE"]}}
        ]
        """;

    private static readonly IReadOnlyList<TauTask> Tasks =
        ((List<object?>)PyJson.Parse(TasksJson)!).Select(t => TauTask.FromPy((PyDict)t!)).ToList();

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Splits =
        new Dictionary<string, IReadOnlyList<string>> { ["base"] = TaskIds };

    private static readonly PyRecord Pristine = new("ToyDb")
    {
        ["counters"] = new PyDict
        {
            ["a"] = new PyRecord("Counter") { ["value"] = 0L },
            ["b"] = new PyRecord("Counter") { ["value"] = 0L },
        },
    };

    public string Name => DomainName;

    public DomainEnvironment CreateEnvironment(bool soloMode = false) =>
        new(DomainName, Policy, new ToyToolkit(Pristine), null, soloMode);

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null) => TaskSetLoader.Select(Tasks, Splits, split);

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => [.. Splits.Keys];

    public string ToolSchemasJson() => """{"agent_tools": [], "user_tools": []}""";
}
