namespace Tau2Observe.Engine.Llm;

/// <summary>
/// A LiteLLM-style model string split into its provider and the provider's own model name:
/// <c>gemini/gemini-2.5-flash</c> is (gemini, gemini-2.5-flash); a bare name such as <c>gpt-4.1</c>
/// is an OpenAI model; an unknown prefix is part of the name (<c>Qwen/Qwen3-8B</c> on a vLLM server);
/// <c>simulated</c> is the built-in simulated model.
/// </summary>
public sealed record LlmModelId(string Provider, string Name)
{
    public static LlmModelId Parse(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        model = model.Trim();
        if (string.Equals(model, LlmProviders.Simulated.Name, StringComparison.OrdinalIgnoreCase))
            return new(LlmProviders.Simulated.Name, "scripted-user");
        int slash = model.IndexOf('/');
        if (slash > 0 && slash < model.Length - 1 && LlmProviders.Find(model[..slash]) is { } provider)
            return new(provider.Name, model[(slash + 1)..]);
        return new(LlmProviders.OpenAi.Name, model);
    }

    public bool IsSimulated => Provider == LlmProviders.Simulated.Name;

    /// <summary>The canonical <c>provider/name</c> form, also the key of the price table.</summary>
    public override string ToString() => Provider + "/" + Name;
}
