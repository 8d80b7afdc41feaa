using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

internal sealed class TaskStateJsonConverter : JsonConverter<TaskState>
{
    public override TaskState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? TaskStates.FromWire(reader.GetString()) : throw new JsonException("a task state must be a string");

    public override void Write(Utf8JsonWriter writer, TaskState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TaskStates.ToWire(value));
}
