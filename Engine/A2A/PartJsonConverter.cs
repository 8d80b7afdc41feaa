using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Reads parts by <c>kind</c>, or by the key present when <c>kind</c> is missing (a2a.md §1.8:
/// tau2's client and the traffic generator send <c>{"text": ...}</c> alone).
/// </summary>
internal sealed class PartJsonConverter : JsonConverter<Part>
{
    public override Part Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a part must be a JSON object");
        var obj = JsonNode.Parse(ref reader)!.AsObject();
        string kind = obj["kind"] is JsonValue k && k.TryGetValue(out string? s) ? s
            : obj.ContainsKey("text") ? TextPart.KindValue
            : obj.ContainsKey("data") ? DataPart.KindValue
            : obj.ContainsKey("file") ? FilePart.KindValue
            : throw new JsonException("a part needs a 'kind' or one of 'text', 'data', 'file'");
        var metadata = obj["metadata"] as JsonObject;
        Part part = kind switch
        {
            TextPart.KindValue => new TextPart(obj["text"] is JsonValue t && t.TryGetValue(out string? text)
                ? text : throw new JsonException("a text part needs a string 'text'")),
            DataPart.KindValue => new DataPart(obj["data"] is JsonObject data
                ? (JsonObject)data.DeepClone() : throw new JsonException("a data part needs an object 'data'")),
            FilePart.KindValue => new FilePart(obj["file"] is JsonObject file
                ? file.Deserialize<FileContent>(options) ?? new FileContent() : throw new JsonException("a file part needs an object 'file'")),
            _ => throw new JsonException($"unknown part kind '{kind}'"),
        };
        part.Metadata = (JsonObject?)metadata?.DeepClone();
        return part;
    }

    public override void Write(Utf8JsonWriter writer, Part value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
