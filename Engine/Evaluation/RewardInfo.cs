using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>tau2's reward information, with the exact field names and shapes of its results files.</summary>
public sealed class RewardInfo
{
    public double Reward { get; set; }
    public PyDict? DbCheck { get; set; }
    public List<PyDict>? EnvAssertions { get; set; }
    public List<PyDict>? ActionChecks { get; set; }
    public List<PyDict>? NlAssertions { get; set; }
    public List<PyDict>? CommunicateChecks { get; set; }
    public List<string>? RewardBasis { get; set; }
    public PyDict? RewardBreakdown { get; set; }
    public PyDict? Info { get; set; }

    public PyDict ToPy() => new()
    {
        ["reward"] = Reward,
        ["db_check"] = DbCheck,
        ["env_assertions"] = Lst(EnvAssertions),
        ["action_checks"] = Lst(ActionChecks),
        ["nl_assertions"] = Lst(NlAssertions),
        ["communicate_checks"] = Lst(CommunicateChecks),
        ["reward_basis"] = RewardBasis?.Select(b => (object?)b).ToList(),
        ["reward_breakdown"] = RewardBreakdown,
        ["info"] = Info,
    };

    public static RewardInfo FromPy(PyDict d) => new()
    {
        Reward = d.GetOrDefault("reward") is { } r && PyValue.IsNumber(r) ? PyValue.ToDouble(r) : 0,
        DbCheck = d.GetOrDefault("db_check") as PyDict,
        EnvAssertions = Dicts(d, "env_assertions"),
        ActionChecks = Dicts(d, "action_checks"),
        NlAssertions = Dicts(d, "nl_assertions"),
        CommunicateChecks = Dicts(d, "communicate_checks"),
        RewardBasis = (d.GetOrDefault("reward_basis") as List<object?>)?.Select(x => (string)x!).ToList(),
        RewardBreakdown = d.GetOrDefault("reward_breakdown") as PyDict,
        Info = d.GetOrDefault("info") as PyDict,
    };

    private static List<object?>? Lst(List<PyDict>? l) => l?.Select(x => (object?)x).ToList();

    private static List<PyDict>? Dicts(PyDict d, string key) =>
        (d.GetOrDefault(key) as List<object?>)?.Select(x => (PyDict)x!).ToList();
}
