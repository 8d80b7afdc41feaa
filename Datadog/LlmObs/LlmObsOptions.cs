namespace Tau2Observe.Datadog.LlmObs;

/// <summary>
/// Settings for agentless LLM Observability: only <c>DD_API_KEY</c> and <c>DD_SITE</c> are needed
/// (no application key). <c>ml_app</c> is <c>DD_LLMOBS_ML_APP</c>, else <c>DD_SERVICE</c>, else the
/// seed's <c>tau2-bench-agent</c>; <c>env</c> is <c>DD_ENV</c>, else <c>dev</c>.
/// </summary>
public sealed class LlmObsOptions(DatadogSettings settings, string mlApp = LlmObsOptions.DefaultMlApp, string env = "dev")
{
    public const string DefaultMlApp = "tau2-bench-agent";

    public DatadogSettings Settings { get; } = settings;
    public string MlApp { get; } = mlApp.ToLowerInvariant();
    public string Env { get; } = env;

    public static LlmObsOptions FromEnvironment()
    {
        static string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;
        return new LlmObsOptions(DatadogSettings.FromEnvironment(),
            Env("DD_LLMOBS_ML_APP") ?? Env("DD_SERVICE") ?? DefaultMlApp,
            Env("DD_ENV") ?? "dev");
    }
}
