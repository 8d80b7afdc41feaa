namespace Tau2Observe.Engine.Llm;

/// <summary>Who made an LLM call, for usage accounting.</summary>
public static class LlmRoles
{
    public const string Agent = "agent";
    public const string User = "user";
    public const string Judge = "judge";
}
