namespace Tau2Observe.Gateway;

/// <summary>A parsed request: the skill and its parameters (evaluation parameters are checked later).</summary>
/// <param name="EvaluationId">For <see cref="GatewaySkill.GetResults"/>; null with <see cref="ListAvailable"/>.</param>
public sealed record SkillCall(GatewaySkill Skill, EvaluationParameters? Evaluation = null, string? EvaluationId = null)
{
    /// <summary>The reference's <c>get_evaluation_results(list_available=true)</c>: the ids of known evaluations.</summary>
    public static readonly SkillCall ListEvaluations = new(GatewaySkill.GetResults);

    public bool ListAvailable => Skill == GatewaySkill.GetResults && EvaluationId is null;

    public static readonly SkillCall Help = new(GatewaySkill.Help);
    public static readonly SkillCall ListDomains = new(GatewaySkill.ListDomains);
}
