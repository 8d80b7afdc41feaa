using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Domains.Telecom;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>
/// Task setup, gold fixes and grading assertions on real tasks: the per-task hash vectors of
/// domain-telecom §10.4 and the generator's self-check (gold fixes make every assertion hold).
/// </summary>
public class TelecomTaskReplayTests
{
    /// <summary>Hash prefixes (agent/phone): after setup, after the gold calls with sync, gold environment without sync.</summary>
    public static TheoryData<string, string, string, string> SmallTaskHashes => new()
    {
        { "[mobile_data_issue]user_abroad_roaming_enabled_off[", "304cf5ef0598/0225958c9329", "304cf5ef0598/0246e41b8012", "304cf5ef0598/0246e41b8012" },
        { "[mobile_data_issue]user_abroad_roaming_disabled_on[", "b167dc73a096/aed352ffa46a", "304cf5ef0598/0246e41b8012", "304cf5ef0598/aed352ffa46a" },
        { "[mobile_data_issue]user_abroad_roaming_disabled_off[", "b167dc73a096/44f3ebb410c9", "304cf5ef0598/0246e41b8012", "304cf5ef0598/aed352ffa46a" },
        { "[mobile_data_issue]data_mode_off[", "304cf5ef0598/271e17a101fa", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[mobile_data_issue]data_saver_mode_on[", "304cf5ef0598/a3067b3fe305", "304cf5ef0598/4946e7b208fe", "304cf5ef0598/4946e7b208fe" },
        { "[mobile_data_issue]bad_network_preference[", "304cf5ef0598/f0b8b8be6f41", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[mobile_data_issue]bad_vpn[", "304cf5ef0598/22c00be1f23f", "304cf5ef0598/4946e7b208fe", "304cf5ef0598/4946e7b208fe" },
        { "[mobile_data_issue]data_usage_exceeded[", "2041156d154b/f60de0c735f7", "ed58804f463f/4946e7b208fe", "ed58804f463f/f60de0c735f7" },
        { "[service_issue]airplane_mode_on[", "304cf5ef0598/5fbd92bd42e9", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[service_issue]unseat_sim_card[", "304cf5ef0598/7fb7f4136e5a", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[service_issue]lock_sim_card_pin[", "304cf5ef0598/957e84657852", "304cf5ef0598/957e84657852", "304cf5ef0598/957e84657852" },
        { "[service_issue]break_apn_settings[", "304cf5ef0598/4c39b23be07e", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[service_issue]overdue_bill_suspension[", "aad6f2f4527d/f27c4a613fd7", "5a12d77ca0d6/65e1838b2dc6", "696ff759d03c/f27c4a613fd7" },
        { "[service_issue]contract_end_suspension[", "742995a3e358/f27c4a613fd7", "742995a3e358/f27c4a613fd7", "742995a3e358/f27c4a613fd7" },
        { "[mms_issue]bad_network_preference[", "304cf5ef0598/f0b8b8be6f41", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[mms_issue]bad_wifi_calling[", "304cf5ef0598/75d67965efc9", "304cf5ef0598/abe07bfae957", "304cf5ef0598/abe07bfae957" },
        { "[mms_issue]break_apn_mms_setting[", "304cf5ef0598/1c1bc3f6b501", "304cf5ef0598/65e1838b2dc6", "304cf5ef0598/65e1838b2dc6" },
        { "[mms_issue]break_app_sms_permission[", "304cf5ef0598/f107f98261f8", "304cf5ef0598/4946e7b208fe", "304cf5ef0598/4946e7b208fe" },
        { "[mms_issue]break_app_storage_permission[", "304cf5ef0598/822e3532b1de", "304cf5ef0598/4946e7b208fe", "304cf5ef0598/4946e7b208fe" },
        { "[mms_issue]break_app_both_permissions[", "304cf5ef0598/d9e2c8068ff1", "304cf5ef0598/4946e7b208fe", "304cf5ef0598/4946e7b208fe" },
    };

    [Theory]
    [MemberData(nameof(SmallTaskHashes))]
    public void Small_task_hashes_match_the_reference(string idPrefix, string afterSetup, string predicted, string gold)
    {
        var task = Manual.LoadTasks(taskSet: TelecomDomain.SmallTaskSet).Single(t => t.Id.StartsWith(idPrefix, StringComparison.Ordinal));

        var env = Prepared(task);
        Assert.Equal(afterSetup, Hashes(env));
        RunGoldWithSync(env, task);
        Assert.Equal(predicted, Hashes(env));

        var goldEnv = Prepared(task);
        foreach (var action in task.EvaluationCriteria!.Actions!)
        {
            try { goldEnv.MakeToolCall(action.Name, action.Requestor, action.Arguments); }
            catch (ToolCallException) { /* the evaluator only logs failing gold actions */ }
        }
        Assert.Equal(gold, Hashes(goldEnv));
    }

    public static IEnumerable<object[]> GradedTasks() =>
        Manual.LoadTasks(taskSet: TelecomDomain.SmallTaskSet).Concat(Manual.LoadTasks()).Select(t => new object[] { t.Id });

    [Theory]
    [MemberData(nameof(GradedTasks))]
    public void Gold_fixes_satisfy_every_assertion_and_setup_alone_does_not(string taskId)
    {
        var task = Manual.LoadTasks(taskSet: TelecomDomain.SmallTaskSet).Concat(Manual.LoadTasks()).First(t => t.Id == taskId);
        var assertions = task.EvaluationCriteria!.EnvAssertions!;
        bool unsolvable = task.EvaluationCriteria.RewardBasis.Contains("ACTION");

        var untouched = Prepared(task);
        bool holdsWithoutFix = assertions.All(untouched.RunEnvAssertion);
        Assert.Equal(unsolvable, holdsWithoutFix);

        var env = Prepared(task);
        RunGoldWithSync(env, task);
        Assert.All(assertions, a => Assert.True(env.RunEnvAssertion(a), $"{a.FuncName} {Engine.Values.PyJson.Dumps(a.Arguments)}"));
    }

    private static DomainEnvironment Prepared(TauTask task)
    {
        var env = Manual.CreateEnvironment();
        env.SetState(task.InitialState, null);
        return env;
    }

    private static void RunGoldWithSync(DomainEnvironment env, TauTask task)
    {
        foreach (var action in task.EvaluationCriteria!.Actions!)
        {
            var result = env.GetResponse(new ToolCall { Id = action.ActionId, Name = action.Name, Requestor = action.Requestor, Arguments = action.Arguments });
            Assert.False(result.Error, $"{action.Name}: {result.Content}");
        }
    }

    private static string Hashes(DomainEnvironment env) => env.AgentDbHash()![..12] + "/" + env.UserDbHash()![..12];
}
