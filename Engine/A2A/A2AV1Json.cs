using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Translates between the A2A 1.0 JSON-RPC wire format and the 0.3 one that the rest of the code
/// uses, so one implementation serves and calls both generations. 1.0 differs in: no <c>kind</c>
/// (parts are told apart by <c>text</c>/<c>data</c>/<c>raw</c>/<c>url</c>, results by wrapper keys
/// <c>task</c>/<c>message</c>/<c>statusUpdate</c>/<c>artifactUpdate</c>), enums as
/// <c>ROLE_USER</c>/<c>TASK_STATE_COMPLETED</c>, files flattened into the part
/// (<c>filename</c>, <c>mediaType</c>), no <c>final</c> flag (a stream ends at a terminal or
/// interrupted state), and <c>configuration.returnImmediately</c> instead of <c>blocking</c>.
/// Input is read leniently: 0.3-shaped pieces inside a 1.0 request pass through unchanged.
/// </summary>
public static class A2AV1Json
{
    private const string StatePrefix = "TASK_STATE_";
    private const string RolePrefix = "ROLE_";

    // ---- 1.0 → 0.3 -------------------------------------------------------------------------

    /// <summary>1.0 <c>SendMessageRequest</c> params as 0.3 <c>MessageSendParams</c>.</summary>
    public static JsonNode? SendParamsToV03(JsonNode? parameters)
    {
        if (parameters is not JsonObject p) return parameters?.DeepClone();
        var result = Copy(p, "message", "configuration");
        if (p["message"] is JsonObject message) result["message"] = MessageToV03(message);
        else if (p.ContainsKey("message")) result["message"] = p["message"]?.DeepClone();
        if (p["configuration"] is JsonObject config)
        {
            var c = Copy(config, "returnImmediately", "taskPushNotificationConfig");
            if (config["returnImmediately"] is JsonValue r && r.GetValueKind() == JsonValueKind.True) c["blocking"] = false;
            if (config["taskPushNotificationConfig"] is { } push) c["pushNotificationConfig"] = push.DeepClone();
            result["configuration"] = c;
        }
        else if (p.ContainsKey("configuration")) result["configuration"] = p["configuration"]?.DeepClone();
        return result;
    }

    public static JsonObject MessageToV03(JsonObject message)
    {
        var result = Copy(message, "role", "parts");
        result["kind"] = A2AMessage.KindValue;
        if (message.ContainsKey("role")) result["role"] = EnumToV03(message["role"], RolePrefix);
        if (message["parts"] is JsonArray parts) result["parts"] = Map(parts, PartToV03);
        else if (message.ContainsKey("parts")) result["parts"] = message["parts"]?.DeepClone();
        return result;
    }

    public static JsonNode? PartToV03(JsonNode? part)
    {
        if (part is not JsonObject p || p.ContainsKey("kind")) return part?.DeepClone();
        if (p.ContainsKey("text") || p.ContainsKey("data"))
        {
            var result = Copy(p, "filename", "mediaType");
            result["kind"] = p.ContainsKey("text") ? TextPart.KindValue : DataPart.KindValue;
            return result;
        }
        if (!p.ContainsKey("raw") && !p.ContainsKey("url")) return p.DeepClone();
        var file = new JsonObject();
        if (p["filename"] is { } name) file["name"] = name.DeepClone();
        if (p["mediaType"] is { } type) file["mimeType"] = type.DeepClone();
        if (p.ContainsKey("raw")) file["bytes"] = p["raw"]?.DeepClone();
        else file["uri"] = p["url"]?.DeepClone();
        var filePart = new JsonObject { ["kind"] = FilePart.KindValue, ["file"] = file };
        if (p["metadata"] is { } metadata) filePart["metadata"] = metadata.DeepClone();
        return filePart;
    }

    /// <summary>A 1.0 result of <paramref name="v1Method"/> in its 0.3 shape (unwrapped, with <c>kind</c>).</summary>
    public static JsonNode ResultToV03(string v1Method, JsonNode result) => v1Method switch
    {
        A2AV1Methods.SendMessage or A2AV1Methods.SendStreamingMessage or A2AV1Methods.SubscribeToTask => StreamResponseToV03(result),
        _ => result is JsonObject task ? TaskToV03(task) : result.DeepClone(),
    };

    /// <summary>A 1.0 <c>StreamResponse</c> / <c>SendMessageResponse</c> (<c>{"task": ...}</c> etc.) as the 0.3 event.</summary>
    public static JsonNode StreamResponseToV03(JsonNode response)
    {
        if (response is not JsonObject r || r.ContainsKey("kind")) return response.DeepClone();
        if (r["task"] is JsonObject task) return TaskToV03(task);
        if (r["message"] is JsonObject message) return MessageToV03(message);
        if (r["statusUpdate"] is JsonObject status)
        {
            var result = Copy(status, "status");
            result["kind"] = TaskStatusUpdateEvent.KindValue;
            var converted = status["status"] is JsonObject s ? StatusToV03(s) : null;
            result["status"] = converted;
            // 1.0 has no final flag: the stream ends with a terminal or interrupted state
            result["final"] = converted?["state"] is JsonValue v && v.TryGetValue(out string? state) && IsFinal(TaskStates.FromWire(state));
            return result;
        }
        if (r["artifactUpdate"] is JsonObject artifact)
        {
            var result = Copy(artifact, "artifact");
            result["kind"] = TaskArtifactUpdateEvent.KindValue;
            if (artifact["artifact"] is JsonObject a) result["artifact"] = ArtifactToV03(a);
            return result;
        }
        // a bare task or message (lenient)
        return r.ContainsKey("status") ? TaskToV03(r) : r.ContainsKey("parts") ? MessageToV03(r) : r.DeepClone();
    }

    public static JsonObject TaskToV03(JsonObject task)
    {
        var result = Copy(task, "status", "artifacts", "history");
        result["kind"] = A2ATask.KindValue;
        if (task["status"] is JsonObject status) result["status"] = StatusToV03(status);
        if (task["artifacts"] is JsonArray artifacts) result["artifacts"] = Map(artifacts, a => a is JsonObject o ? ArtifactToV03(o) : a?.DeepClone());
        if (task["history"] is JsonArray history) result["history"] = Map(history, m => m is JsonObject o ? MessageToV03(o) : m?.DeepClone());
        return result;
    }

    private static JsonObject StatusToV03(JsonObject status)
    {
        var result = Copy(status, "state", "message");
        if (status.ContainsKey("state"))
            result["state"] = status["state"] is JsonValue v && v.TryGetValue(out string? s) && s == StatePrefix + "UNSPECIFIED"
                ? TaskStates.ToWire(TaskState.Unknown)
                : EnumToV03(status["state"], StatePrefix);
        if (status["message"] is JsonObject message) result["message"] = MessageToV03(message);
        return result;
    }

    private static JsonObject ArtifactToV03(JsonObject artifact)
    {
        var result = Copy(artifact, "parts");
        if (artifact["parts"] is JsonArray parts) result["parts"] = Map(parts, PartToV03);
        return result;
    }

    // ---- 0.3 → 1.0 -------------------------------------------------------------------------

    /// <summary>0.3 <c>MessageSendParams</c> as 1.0 <c>SendMessageRequest</c> params.</summary>
    public static JsonObject SendParamsToV1(JsonObject parameters)
    {
        var result = Copy(parameters, "message", "configuration");
        if (parameters["message"] is JsonObject message) result["message"] = MessageToV1(message);
        if (parameters["configuration"] is JsonObject config)
        {
            var c = Copy(config, "blocking", "pushNotificationConfig");
            if (config["blocking"] is JsonValue b && b.GetValueKind() == JsonValueKind.False) c["returnImmediately"] = true;
            result["configuration"] = c;
        }
        return result;
    }

    /// <summary>
    /// A 0.3 result (Task, Message or event) as 1.0: bare for GetTask/CancelTask, wrapped otherwise; a
    /// <see cref="ListTasksResult"/> keeps its shape, each of its tasks as GetTask would answer it.
    /// </summary>
    public static JsonNode ResultToV1(string v1Method, JsonNode result) => v1Method switch
    {
        A2AV1Methods.GetTask or A2AV1Methods.CancelTask => result is JsonObject o ? EventToV1(o) : result.DeepClone(),
        A2AV1Methods.ListTasks => result is JsonObject list ? ListTasksResultToV1(list) : result.DeepClone(),
        _ => result is JsonObject e ? StreamResponseToV1(e) : result.DeepClone(),
    };

    private static JsonObject ListTasksResultToV1(JsonObject list)
    {
        var result = new JsonObject();
        foreach (var (key, value) in list)
            result[key] = key == "tasks" && value is JsonArray tasks ? Map(tasks, t => t is JsonObject o ? TaskToV1(o) : t?.DeepClone()) : value?.DeepClone();
        return result;
    }

    /// <summary>A 0.3 event wrapped as a 1.0 <c>StreamResponse</c>: <c>{"task": ...}</c>, <c>{"statusUpdate": ...}</c>, ...</summary>
    public static JsonObject StreamResponseToV1(JsonObject e) => new()
    {
        [KindOf(e) switch
        {
            TaskStatusUpdateEvent.KindValue => "statusUpdate",
            TaskArtifactUpdateEvent.KindValue => "artifactUpdate",
            A2AMessage.KindValue => "message",
            _ => "task",
        }] = EventToV1(e),
    };

    private static JsonObject EventToV1(JsonObject e) => KindOf(e) switch
    {
        A2AMessage.KindValue => MessageToV1(e),
        TaskStatusUpdateEvent.KindValue => StatusUpdateToV1(e),
        TaskArtifactUpdateEvent.KindValue => ArtifactUpdateToV1(e),
        _ => TaskToV1(e),
    };

    public static JsonObject MessageToV1(JsonObject message)
    {
        var result = Copy(message, "kind", "role", "parts");
        if (message.ContainsKey("role")) result["role"] = EnumToV1(message["role"], RolePrefix);
        if (message["parts"] is JsonArray parts) result["parts"] = Map(parts, PartToV1);
        return result;
    }

    public static JsonNode? PartToV1(JsonNode? part)
    {
        if (part is not JsonObject p) return part?.DeepClone();
        if (p["file"] is JsonObject file)
        {
            var result = new JsonObject();
            if (file.ContainsKey("bytes")) result["raw"] = file["bytes"]?.DeepClone();
            else if (file.ContainsKey("uri")) result["url"] = file["uri"]?.DeepClone();
            if (p["metadata"] is { } metadata) result["metadata"] = metadata.DeepClone();
            if (file["name"] is { } name) result["filename"] = name.DeepClone();
            if (file["mimeType"] is { } type) result["mediaType"] = type.DeepClone();
            return result;
        }
        return Copy(p, "kind");
    }

    private static JsonObject TaskToV1(JsonObject task)
    {
        var result = Copy(task, "kind", "status", "artifacts", "history");
        if (task["status"] is JsonObject status) result["status"] = StatusToV1(status);
        if (task["artifacts"] is JsonArray artifacts) result["artifacts"] = Map(artifacts, a => a is JsonObject o ? ArtifactToV1(o) : a?.DeepClone());
        if (task["history"] is JsonArray history) result["history"] = Map(history, m => m is JsonObject o ? MessageToV1(o) : m?.DeepClone());
        return result;
    }

    private static JsonObject StatusUpdateToV1(JsonObject e)
    {
        var result = Copy(e, "kind", "final", "status");
        if (e["status"] is JsonObject status) result["status"] = StatusToV1(status);
        return result;
    }

    private static JsonObject ArtifactUpdateToV1(JsonObject e)
    {
        var result = Copy(e, "kind", "artifact");
        if (e["artifact"] is JsonObject artifact) result["artifact"] = ArtifactToV1(artifact);
        return result;
    }

    private static JsonObject StatusToV1(JsonObject status)
    {
        var result = Copy(status, "state", "message");
        if (status["state"] is JsonValue v && v.TryGetValue(out string? state))
            result["state"] = StatePrefix + (TaskStates.FromWire(state) == TaskState.Unknown ? "UNSPECIFIED" : ToScreaming(state));
        if (status["message"] is JsonObject message) result["message"] = MessageToV1(message);
        return result;
    }

    private static JsonObject ArtifactToV1(JsonObject artifact)
    {
        var result = Copy(artifact, "parts");
        if (artifact["parts"] is JsonArray parts) result["parts"] = Map(parts, PartToV1);
        return result;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>A terminal state, or one that waits for the client (1.0 streams end there too).</summary>
    private static bool IsFinal(TaskState state) => state is TaskState.Completed or TaskState.Failed or TaskState.Canceled
        or TaskState.Rejected or TaskState.InputRequired or TaskState.AuthRequired;

    private static string? KindOf(JsonObject e) => e["kind"] is JsonValue k && k.TryGetValue(out string? s) ? s
        : e.ContainsKey("artifact") ? TaskArtifactUpdateEvent.KindValue
        : e.ContainsKey("status") && e.ContainsKey("taskId") ? TaskStatusUpdateEvent.KindValue
        : e.ContainsKey("status") ? A2ATask.KindValue
        : e.ContainsKey("parts") ? A2AMessage.KindValue
        : null;

    /// <summary><c>ROLE_USER</c> → <c>user</c>, <c>TASK_STATE_INPUT_REQUIRED</c> → <c>input-required</c>; other values unchanged.</summary>
    private static JsonNode? EnumToV03(JsonNode? value, string prefix) =>
        value is JsonValue v && v.TryGetValue(out string? s) && s.StartsWith(prefix, StringComparison.Ordinal)
            ? JsonValue.Create(s[prefix.Length..].ToLowerInvariant().Replace('_', '-'))
            : value?.DeepClone();

    private static JsonNode? EnumToV1(JsonNode? value, string prefix) =>
        value is JsonValue v && v.TryGetValue(out string? s) && !s.StartsWith(prefix, StringComparison.Ordinal)
            ? JsonValue.Create(prefix + ToScreaming(s))
            : value?.DeepClone();

    private static string ToScreaming(string wire) => wire.ToUpperInvariant().Replace('-', '_');

    private static JsonObject Copy(JsonObject source, params string[] except)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
            if (Array.IndexOf(except, key) < 0) result[key] = value?.DeepClone();
        return result;
    }

    private static JsonArray Map(JsonArray items, Func<JsonNode?, JsonNode?> convert) => new(items.Select(convert).ToArray());
}
