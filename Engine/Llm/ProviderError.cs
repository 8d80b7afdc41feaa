using System.Text.Json;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// The error body of an OpenAI-compatible API: <c>{"error": {"message", "type", "code", "param"}}</c>
/// (Gemini wraps it in a one-element list and may use a number as code). Falls back to the raw text.
/// </summary>
internal sealed record ProviderError(string? Message, string? Type, string? Code, string? Param)
{
    public static ProviderError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new(null, null, null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0) root = root[0];
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.Object
                    ? new(Text(error, "message"), Text(error, "type") ?? Text(error, "status"), TextCode(error), Text(error, "param"))
                    : new(error.ToString(), null, null, null);
            }
        }
        catch (JsonException)
        {
            // not JSON: keep the text as the message
        }
        return new(body.Trim(), null, null, null);
    }

    /// <summary>Whether any part of the error mentions <paramref name="word"/> (case-insensitive).</summary>
    public bool Mentions(string word) =>
        new[] { Message, Type, Code, Param }.Any(s => s?.Contains(word, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The error code, unless it is a number: Gemini's numeric code only repeats the HTTP status.</summary>
    private static string? TextCode(JsonElement error) =>
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? null : Text(error, "code");

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}
