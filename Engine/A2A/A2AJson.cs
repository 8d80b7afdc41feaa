using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The A2A 0.3 wire format: camelCase names, null fields omitted, polymorphic parts and results
/// told apart by <c>kind</c> (or, leniently, by the keys present).
/// </summary>
public static class A2AJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // keep '<', '>' and non-ASCII text readable on the wire (tool catalogues are full of them)
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new PartJsonConverter());
        options.Converters.Add(new A2AEventJsonConverter());
        options.Converters.Add(new TaskStateJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
