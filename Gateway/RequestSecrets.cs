using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>Credentials a caller sends with an evaluation request, in headers (never in the message, which is stored and echoed).</summary>
public static class RequestSecrets
{
    /// <summary>The user simulator's LLM API key, as the reference gateway takes it.</summary>
    public const string UserLlmApiKeyHeader = "X-User-LLM-API-Key";

    public static EvaluationSecrets? From(HttpRequest request) =>
        request.Headers[UserLlmApiKeyHeader].ToString() is { Length: > 0 } key ? new EvaluationSecrets { UserLlmApiKey = key.Trim() } : null;
}
