namespace Tau2Observe.Gateway;

/// <summary>A parsed request: the skill and its parameters (evaluation parameters are checked later).</summary>
public sealed record SkillCall(GatewaySkill Skill, EvaluationParameters? Evaluation = null, string? EvaluationId = null)
{
    public static readonly SkillCall Help = new(GatewaySkill.Help);
    public static readonly SkillCall ListDomains = new(GatewaySkill.ListDomains);
}
