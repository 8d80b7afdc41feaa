namespace Tau2Observe.Cli.Traffic;

/// <summary>The task ids failure mode sends per domain (a2a.md §5.5): tasks that tend to score low.</summary>
public static class FailureTaskIds
{
    public static IReadOnlyList<string> For(string domain) => domain switch
    {
        "mock" => ["impossible_task_1"],
        "airline" or "retail" => ["0", "1", "2"],
        "telecom" =>
        [
            "[mobile_data_issue]user_abroad_roaming_disabled_off[PERSONA:Hard]",
            "[service_issue]lock_sim_card_pin[PERSONA:Hard]",
            "[mms_issue]break_apn_mms_setting[PERSONA:Hard]",
        ],
        _ => ["1", "2"],
    };
}
