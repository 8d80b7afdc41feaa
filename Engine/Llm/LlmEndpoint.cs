namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Where and how to call one model. Holds the API key in memory only: <see cref="ToString"/> leaves it
/// out, and nothing here persists or logs it.
/// </summary>
public sealed record LlmEndpoint(LlmModelId Model, Uri? BaseUrl, string? ApiKey)
{
    /// <summary>
    /// Resolves a LiteLLM-style model string. The key is <paramref name="apiKey"/> or the provider's
    /// environment variable; the base URL is <paramref name="baseUrl"/> (vLLM, Ollama, a LiteLLM proxy),
    /// the provider's <c>*_API_BASE</c> variable, or its public endpoint. A custom base URL may go
    /// without a key; a public endpoint may not.
    /// </summary>
    public static LlmEndpoint Resolve(string model, string? apiKey = null, Uri? baseUrl = null, Func<string, string?>? environment = null)
    {
        var id = LlmModelId.Parse(model);
        if (id.IsSimulated) return new LlmEndpoint(id, null, null);
        var provider = LlmProviders.Find(id.Provider)!;
        environment ??= System.Environment.GetEnvironmentVariable;

        var url = baseUrl
            ?? (provider.BaseUrlVariable is { } v && NonBlank(environment(v)) is { } configured ? new Uri(configured) : null)
            ?? provider.DefaultBaseUrl!;
        var key = NonBlank(apiKey) ?? provider.ApiKeyVariables.Select(name => NonBlank(environment(name))).FirstOrDefault(k => k is not null);
        if (key is null && url == provider.DefaultBaseUrl)
            throw new LlmConfigurationException(
                $"No API key for {id}: pass one (e.g. the X-User-LLM-API-Key header) or set {string.Join(" or ", provider.ApiKeyVariables)}.");
        return new LlmEndpoint(id, url, key);
    }

    public override string ToString() => BaseUrl is null ? Model.ToString() : $"{Model} at {BaseUrl}";

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
