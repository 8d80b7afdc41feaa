using System.Text;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// The seed's user-model headers (a2a.md §2.3): <c>X-User-LLM-Model</c> picks the user simulator's model
/// for the evaluation a request starts, <c>X-User-LLM-API-Key</c> its key. Names are case-insensitive,
/// values trimmed, empty counts as absent. Without a model the offline scripted user plays the
/// customer; a model without a key uses the server's key for that provider. The key is never logged
/// and is left out of <see cref="object.ToString"/>.
/// </summary>
public sealed record UserLlmHeaders(string? Model, string? ApiKey)
{
    public const string ModelHeader = "X-User-LLM-Model";
    public const string ApiKeyHeader = "X-User-LLM-API-Key";

    public static UserLlmHeaders From(IHeaderDictionary headers)
    {
        string? model = Value(headers, ModelHeader), key = Value(headers, ApiKeyHeader);
        if (key is not null && model is null)
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"MISSING_HEADER: {ApiKeyHeader} was given without {ModelHeader}; name the user simulator's model (e.g. gemini/gemini-2.5-flash).");
        return new UserLlmHeaders(model is null ? null : Normalize(model), key);
    }

    /// <summary>tau2-observe's normalisation for LiteLLM (a2a.md §2.6.1 step 5), for the providers this product knows.</summary>
    public static string Normalize(string model) =>
        model.Contains('/') ? model
        : model.StartsWith("gemini-", StringComparison.Ordinal) ? "gemini/" + model
        : model.StartsWith("Qwen", StringComparison.Ordinal) ? "nebius/" + model
        : model;

    private static string? Value(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } v ? v : null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Model = ").Append(Model).Append(", ApiKey = ").Append(ApiKey is null ? "(none)" : "(redacted)");
        return true;
    }
}
