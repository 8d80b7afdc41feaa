using System.Text;

namespace Tau2Observe.MockAgents;

/// <summary>
/// One LLM-backed mock agent: its name (also its route), card description, LiteLLM-style model string,
/// and optionally the provider base URL and API key. Without a key the provider's environment
/// variable is used (<c>GEMINI_API_KEY</c>, <c>NEBIUS_API_KEY</c>, ...). Each setting can be given as
/// <c>MockAgents:Llm:&lt;name&gt;:Model|BaseUrl|ApiKey</c> (env: <c>MockAgents__Llm__&lt;name&gt;__Model</c>);
/// tau2-observe's own variables (<c>SIMPLE_AGENT_MODEL</c>, <c>KIMI_AGENT_MODEL</c>, <c>NEBIUS_API_BASE</c>) are the fallbacks.
/// </summary>
public sealed record LlmAgentSettings(string Name, string Description, string Model, Uri? BaseUrl, string? ApiKey)
{
    /// <summary>Whether a key must be found even though <see cref="BaseUrl"/> is set (a public host, not a local server).</summary>
    public bool RequiresKey { get; init; }

    public const string SimpleGeminiName = "simple_gemini_agent";
    public const string KimiLitellmName = "kimi_litellm_agent";
    private const string Section = "MockAgents:Llm";

    /// <summary>tau2-observe's Gemini agent (a2a.md §4.2): <c>SIMPLE_AGENT_MODEL</c>, default <c>gemini-2.0-flash</c>, on Gemini's OpenAI endpoint.</summary>
    public static LlmAgentSettings SimpleGemini(IConfiguration config)
    {
        string model = Setting(config, SimpleGeminiName, "Model") ?? config["SIMPLE_AGENT_MODEL"] ?? "gemini-2.0-flash";
        if (!model.Contains('/')) model = "gemini/" + model; // tau2-observe names the bare Gemini model
        return new(SimpleGeminiName, $"customer service agent using {model} for tau2-bench", model,
            Url(Setting(config, SimpleGeminiName, "BaseUrl")), Setting(config, SimpleGeminiName, "ApiKey"));
    }

    /// <summary>tau2-observe's Kimi agent (a2a.md §4.3): <c>nebius/</c> + <c>KIMI_AGENT_MODEL</c> on <c>NEBIUS_API_BASE</c> (default Nebius Token Factory).</summary>
    public static LlmAgentSettings KimiLitellm(IConfiguration config)
    {
        string model = Setting(config, KimiLitellmName, "Model") ?? "nebius/" + (config["KIMI_AGENT_MODEL"] ?? "moonshotai/Kimi-K2-Thinking");
        // tau2-observe's Nebius host, unless the model is moved to another provider (e.g. moonshot/kimi-k2-...)
        string? explicitUrl = Setting(config, KimiLitellmName, "BaseUrl");
        string? nebiusUrl = model.StartsWith("nebius/", StringComparison.Ordinal) ? config["NEBIUS_API_BASE"] ?? "https://api.tokenfactory.nebius.com/v1/" : null;
        return new(KimiLitellmName, "Kimi K2 Thinking (Nebius)", model, Url(explicitUrl ?? nebiusUrl), Setting(config, KimiLitellmName, "ApiKey"))
        {
            RequiresKey = explicitUrl is null && nebiusUrl is not null,
        };
    }

    private static string? Setting(IConfiguration config, string agent, string key) =>
        config[$"{Section}:{agent}:{key}"] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static Uri? Url(string? value) => value is null ? null : new Uri(value);

    // keep the key out of record printing (logs, debugger displays)
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Model = ").Append(Model).Append(", BaseUrl = ").Append(BaseUrl)
            .Append(", ApiKey = ").Append(ApiKey is null ? "(from environment)" : "(redacted)");
        return true;
    }
}
