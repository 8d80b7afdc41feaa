using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Reads a result by <c>kind</c>, or infers it from its keys when <c>kind</c> is missing. A
/// non-standard <c>{"message": {...}}</c> wrapper (used by tau2's test mocks) reads as that message.
/// </summary>
internal sealed class A2AEventJsonConverter : JsonConverter<A2AEvent>
{
    public override A2AEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("an A2A result must be a JSON object");
        var obj = JsonNode.Parse(ref reader)!.AsObject();
        string? kind = obj["kind"] is JsonValue k && k.TryGetValue(out string? s) ? s : InferKind(obj);
        if (kind is null && obj["message"] is JsonObject wrapped) return wrapped.Deserialize<A2AMessage>(options)!;
        return kind switch
        {
            A2AMessage.KindValue => obj.Deserialize<A2AMessage>(options)!,
            A2ATask.KindValue => obj.Deserialize<A2ATask>(options)!,
            TaskStatusUpdateEvent.KindValue => obj.Deserialize<TaskStatusUpdateEvent>(options)!,
            TaskArtifactUpdateEvent.KindValue => obj.Deserialize<TaskArtifactUpdateEvent>(options)!,
            null => throw new JsonException("cannot tell what kind of A2A object this is (no 'kind')"),
            _ => throw new JsonException($"unknown A2A result kind '{kind}'"),
        };
    }

    public override void Write(Utf8JsonWriter writer, A2AEvent value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);

    private static string? InferKind(JsonObject obj) =>
        obj.ContainsKey("artifact") ? TaskArtifactUpdateEvent.KindValue
        : obj.ContainsKey("status") && obj.ContainsKey("taskId") ? TaskStatusUpdateEvent.KindValue
        : obj.ContainsKey("status") ? A2ATask.KindValue
        : obj.ContainsKey("parts") || obj.ContainsKey("role") ? A2AMessage.KindValue
        : null;
}
