using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Turns whatever an LLM call threw into an <see cref="LlmCallException"/> with a kind, a status and
/// a message fit to show: provider text is included with the key blanked out, and for credential
/// failures it is left out altogether (providers echo part of the rejected key there).
/// </summary>
internal static class LlmErrorClassifier
{
    private const int MaxProviderText = 500;

    private static readonly string[] ContextLengthMarkers =
    [
        "context_length_exceeded", "context length", "context window", "maximum context", "too many tokens",
        "input token count", "prompt is too long", "reduce the length",
    ];

    public static LlmCallException Classify(Exception e, string model, string? apiKey)
    {
        switch (e)
        {
            case LlmCallException known:
                return known;
            case ClientResultException { Status: 0 } c:
                return new(LlmErrorKind.Network, $"{model}: the provider could not be reached ({Redact(c.InnerException?.Message ?? c.Message, apiKey)})");
            case ClientResultException c:
                var response = c.GetRawResponse();
                return FromHttp(c.Status, ProviderError.Parse(SafeBody(response)), RetryAfter(response), model, apiKey);
            case OperationCanceledException or TimeoutException:
                return new(LlmErrorKind.Timeout, $"{model}: no reply in time");
            case HttpRequestException h:
                return new(LlmErrorKind.Network, $"{model}: the provider could not be reached ({Redact(h.Message, apiKey)})");
            default:
                return new(LlmErrorKind.InvalidResponse, $"{model}: the reply could not be read ({e.GetType().Name}: {Redact(e.Message, apiKey)})");
        }
    }

    /// <summary>Whether a failure is the provider refusing a request parameter (HTTP 400 that names it).</summary>
    public static bool IsRejectionOf(Exception e, string parameter) =>
        e is ClientResultException { Status: 400 } c && ProviderError.Parse(SafeBody(c.GetRawResponse())) is var error
        && (error.Mentions(parameter) || c.Message.Contains(parameter, StringComparison.OrdinalIgnoreCase));

    private static LlmCallException FromHttp(int status, ProviderError error, TimeSpan? retryAfter, string model, string? apiKey)
    {
        string code = (error.Code ?? error.Type) is { } tag ? $" [{Truncate(Redact(tag, apiKey))}]" : "";
        string detail = error.Message is { Length: > 0 } m ? ": " + Truncate(Redact(m, apiKey)) : "";
        string prefix = $"{model}: HTTP {status}{code}";
        return status switch
        {
            401 or 403 => new(LlmErrorKind.Authentication, $"{prefix}: the provider rejected the API key or does not let it use this model", status),
            429 when error.Mentions("insufficient_quota") || error.Mentions("billing") =>
                new(LlmErrorKind.QuotaExhausted, $"{prefix}: quota exhausted{detail}", status),
            429 => new(LlmErrorKind.RateLimited, $"{prefix}: rate limited{detail}", status, retryAfter),
            408 => new(LlmErrorKind.Timeout, $"{prefix}: request timed out{detail}", status, retryAfter),
            >= 500 => new(LlmErrorKind.ServerError, $"{prefix}: provider error{detail}", status, retryAfter),
            _ when ContextLengthMarkers.Any(error.Mentions) =>
                new(LlmErrorKind.ContextLengthExceeded, $"{prefix}: the conversation exceeds the model's context window{detail}", status),
            _ => new(LlmErrorKind.InvalidRequest, $"{prefix}: request rejected{detail}", status),
        };
    }

    /// <summary>Retry-After as seconds or an HTTP date; OpenAI's retry-after-ms when present, being finer.</summary>
    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static string? SafeBody(PipelineResponse? response)
    {
        try { return response?.Content?.ToString(); }
        catch (InvalidOperationException) { return null; } // an unbuffered body cannot be read twice
    }

    internal static string Redact(string text, string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);

    private static string Truncate(string s) => s.Length <= MaxProviderText ? s : s[..MaxProviderText] + "...";
}
