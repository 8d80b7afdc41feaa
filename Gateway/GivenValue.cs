using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Gateway;

/// <summary>A JSON value a caller sent, as an error message quotes it ("the string \"5\"", "a list", "null").</summary>
public static class GivenValue
{
    public static string Describe(JsonNode? node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "an object",
        JsonValue v when IsString(v) => $"the string \"{QuotedValue.Of(v.GetValue<string>())}\"",
        JsonValue v => QuotedValue.Of(v.ToJsonString()),
        _ => "null",
    };

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
