namespace Tau2Observe.Engine.Llm;

/// <summary>The providers a LiteLLM-style model prefix (<c>gemini/</c>, <c>openai/</c>, ...) can name.</summary>
public static class LlmProviders
{
    public static readonly LlmProvider OpenAi = new(
        "openai", new Uri("https://api.openai.com/v1/"), ["OPENAI_API_KEY"], "OPENAI_API_BASE");

    public static readonly LlmProvider Gemini = new(
        "gemini", new Uri("https://generativelanguage.googleapis.com/v1beta/openai/"), ["GEMINI_API_KEY", "GOOGLE_API_KEY"], "GEMINI_API_BASE");

    /// <summary>Moonshot AI, the maker of Kimi.</summary>
    public static readonly LlmProvider Moonshot = new(
        "moonshot", new Uri("https://api.moonshot.ai/v1/"), ["MOONSHOT_API_KEY"], "MOONSHOT_API_BASE");

    public static readonly LlmProvider Nebius = new(
        "nebius", new Uri("https://api.studio.nebius.com/v1/"), ["NEBIUS_API_KEY"], "NEBIUS_API_BASE");

    /// <summary>The built-in simulated model: no network, no key (see <see cref="SimulatedUserChatClient"/>).</summary>
    public static readonly LlmProvider Simulated = new("simulated", null, [], null);

    public static IReadOnlyList<LlmProvider> All { get; } = [OpenAi, Gemini, Moonshot, Nebius, Simulated];

    public static LlmProvider? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
