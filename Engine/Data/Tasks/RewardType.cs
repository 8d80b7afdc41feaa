namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>tau2's reward components (wire values).</summary>
public static class RewardType
{
    public const string Db = "DB";
    public const string EnvAssertion = "ENV_ASSERTION";
    public const string NlAssertion = "NL_ASSERTION";
    public const string Action = "ACTION";
    public const string Communicate = "COMMUNICATE";

    public static readonly IReadOnlyList<string> All = [Db, EnvAssertion, NlAssertion, Action, Communicate];

    /// <summary>The basis when a task file omits <c>reward_basis</c> (this data version).</summary>
    public static List<string> DefaultBasis() => [Db, Communicate];
}
