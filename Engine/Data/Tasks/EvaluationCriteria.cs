using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>How a run is scored. A null list and an empty list mean different things in tau2.</summary>
public sealed class EvaluationCriteria
{
    public List<GoldAction>? Actions { get; init; }
    public List<EnvAssertion>? EnvAssertions { get; init; }
    public List<string>? CommunicateInfo { get; init; }
    public List<string>? NlAssertions { get; init; }
    public List<string> RewardBasis { get; init; } = RewardType.DefaultBasis();

    public PyDict ToPy() => new()
    {
        ["actions"] = Actions?.Select(a => (object?)a.ToPy()).ToList(),
        ["env_assertions"] = EnvAssertions?.Select(a => (object?)a.ToPy()).ToList(),
        ["communicate_info"] = CommunicateInfo?.Select(s => (object?)s).ToList(),
        ["nl_assertions"] = NlAssertions?.Select(s => (object?)s).ToList(),
        ["reward_basis"] = RewardBasis.Select(s => (object?)s).ToList(),
    };

    public static EvaluationCriteria FromPy(PyDict d)
    {
        var basis = TaskJson.StrList(d, "reward_basis") ?? RewardType.DefaultBasis();
        foreach (var b in basis)
            if (!RewardType.All.Contains(b)) throw new FormatException($"unknown reward type '{b}' in reward_basis");
        return new EvaluationCriteria
        {
            Actions = (d.GetOrDefault("actions") as List<object?>)?.Select(a => GoldAction.FromPy((PyDict)a!)).ToList(),
            EnvAssertions = (d.GetOrDefault("env_assertions") as List<object?>)?.Select(a => EnvAssertion.FromPy((PyDict)a!)).ToList(),
            CommunicateInfo = TaskJson.StrList(d, "communicate_info"),
            NlAssertions = TaskJson.StrList(d, "nl_assertions"),
            RewardBasis = basis,
        };
    }
}
