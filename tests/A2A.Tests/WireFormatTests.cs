using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

public class WireFormatTests
{
    [Fact]
    public void Message_with_every_part_kind_round_trips_with_kind_discriminators()
    {
        var message = new A2AMessage
        {
            MessageId = "m1",
            Role = A2ARoles.User,
            ContextId = "c1",
            Parts =
            [
                new TextPart("hello") { Metadata = new JsonObject { ["adk_thought"] = false } },
                new DataPart(new JsonObject { ["skill"] = "list_domains", ["n"] = 2 }),
                new FilePart(new FileContent { Name = "a.txt", MimeType = "text/plain", Bytes = "aGk=" }),
            ],
            Metadata = new JsonObject { ["tau2"] = new JsonObject { ["domain"] = "mock" } },
        };

        var json = A2AJson.Serialize(message);
        var node = JsonNode.Parse(json)!;
        Assert.Equal("message", (string?)node["kind"]);
        Assert.Equal(["text", "data", "file"], node["parts"]!.AsArray().Select(p => (string?)p!["kind"]));
        Assert.Null(node["taskId"]); // nulls are omitted

        var back = JsonSerializer.Deserialize<A2AMessage>(json, A2AJson.Options)!;
        Assert.Equal(json, A2AJson.Serialize(back));
    }

    [Fact]
    public void Task_round_trips_with_status_artifacts_and_history()
    {
        var task = new A2ATask
        {
            Id = "t1",
            ContextId = "c1",
            Status = new A2ATaskStatus { State = TaskState.InputRequired, Message = A2AMessage.AgentText("which one?", "c1", "t1"), Timestamp = "2025-01-01T00:00:00Z" },
            Artifacts = [new Artifact { ArtifactId = "a1", Name = "result", Parts = [new TextPart("done")] }],
            History = [new A2AMessage { MessageId = "m0", Role = A2ARoles.User, Parts = [new TextPart("hi")] }],
        };

        var json = A2AJson.Serialize<A2AEvent>(task);
        Assert.Contains("\"kind\":\"task\"", json);
        Assert.Contains("\"state\":\"input-required\"", json);

        var back = Assert.IsType<A2ATask>(JsonSerializer.Deserialize<A2AEvent>(json, A2AJson.Options));
        Assert.Equal(TaskState.InputRequired, back.Status.State);
        Assert.Equal("done", Assert.IsType<TextPart>(back.Artifacts![0].Parts[0]).Text);
        Assert.Equal(json, A2AJson.Serialize<A2AEvent>(back));
    }

    [Fact]
    public void Stream_events_round_trip_through_the_event_base_type()
    {
        A2AEvent[] events =
        [
            new TaskStatusUpdateEvent { TaskId = "t", ContextId = "c", Status = new A2ATaskStatus { State = TaskState.Completed }, Final = true },
            new TaskArtifactUpdateEvent { TaskId = "t", ContextId = "c", Artifact = new Artifact { ArtifactId = "a", Parts = [new TextPart("x")] }, LastChunk = true },
        ];
        foreach (var e in events)
        {
            var json = A2AJson.Serialize(e);
            var back = JsonSerializer.Deserialize<A2AEvent>(json, A2AJson.Options)!;
            Assert.Equal(e.GetType(), back.GetType());
            Assert.Equal(json, A2AJson.Serialize(back));
        }
        Assert.Contains("\"kind\":\"status-update\"", A2AJson.Serialize(events[0]));
        Assert.Contains("\"final\":true", A2AJson.Serialize(events[0]));
        Assert.Contains("\"kind\":\"artifact-update\"", A2AJson.Serialize(events[1]));
    }

    [Theory]
    [InlineData(TaskState.Submitted, "submitted")]
    [InlineData(TaskState.Working, "working")]
    [InlineData(TaskState.InputRequired, "input-required")]
    [InlineData(TaskState.Completed, "completed")]
    [InlineData(TaskState.Canceled, "canceled")]
    [InlineData(TaskState.Failed, "failed")]
    [InlineData(TaskState.Rejected, "rejected")]
    [InlineData(TaskState.AuthRequired, "auth-required")]
    [InlineData(TaskState.Unknown, "unknown")]
    public void Task_states_use_kebab_case_wire_names(TaskState state, string wire)
    {
        Assert.Equal(wire, TaskStates.ToWire(state));
        Assert.Equal(state, TaskStates.FromWire(wire));
    }

    [Fact]
    public void Agent_card_has_the_0_3_required_fields()
    {
        var card = new AgentCard { Name = "x", Description = "d", Url = "http://127.0.0.1/a2a/x", Skills = [new AgentSkill { Id = "s", Name = "S", Description = "d", Tags = ["t"] }] };
        var node = JsonNode.Parse(A2AJson.Serialize(card))!.AsObject();
        foreach (var key in new[] { "protocolVersion", "name", "description", "url", "preferredTransport", "version", "capabilities", "defaultInputModes", "defaultOutputModes", "skills" })
            Assert.True(node.ContainsKey(key), key);
        Assert.Equal("0.3.0", (string?)node["protocolVersion"]);
        Assert.Equal("JSONRPC", (string?)node["preferredTransport"]);
    }

    [Fact]
    public void Error_responses_carry_a_null_id_and_success_responses_no_error()
    {
        var error = JsonNode.Parse(A2AJson.Serialize(JsonRpcResponse.Failure(null, JsonRpcErrorCodes.ParseError, "bad")))!.AsObject();
        Assert.True(error.ContainsKey("id"));
        Assert.Null(error["id"]);
        Assert.Equal(-32700, (int)error["error"]!["code"]!);
        Assert.False(error.ContainsKey("result"));

        var success = JsonNode.Parse(A2AJson.Serialize(JsonRpcResponse.Success(JsonValue.Create(7), new A2ATask { Id = "t" })))!.AsObject();
        Assert.Equal(7, (int)success["id"]!);
        Assert.Equal("task", (string?)success["result"]!["kind"]);
        Assert.False(success.ContainsKey("error"));
    }

    [Fact]
    public void Error_codes_match_the_a2a_0_3_table()
    {
        Assert.Equal([-32700, -32600, -32601, -32602, -32603, -32001, -32002, -32003, -32004, -32005, -32006, -32007],
        [
            JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest, JsonRpcErrorCodes.MethodNotFound, JsonRpcErrorCodes.InvalidParams,
            JsonRpcErrorCodes.InternalError, JsonRpcErrorCodes.TaskNotFound, JsonRpcErrorCodes.TaskNotCancelable,
            JsonRpcErrorCodes.PushNotificationNotSupported, JsonRpcErrorCodes.UnsupportedOperation, JsonRpcErrorCodes.ContentTypeNotSupported,
            JsonRpcErrorCodes.InvalidAgentResponse, JsonRpcErrorCodes.AuthenticatedExtendedCardNotConfigured,
        ]);
    }
}
