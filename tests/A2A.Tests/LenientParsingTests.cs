using System.Text;
using System.Text.Json;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

public class LenientParsingTests
{
    [Fact]
    public void Message_as_tau2_bench_agent_sends_it_parses()
    {
        // no kind on the message or the part, contextId null (a2a.md §1.8)
        const string json = """{"messageId":"m1","role":"user","parts":[{"text":"hi"}],"contextId":null}""";
        var message = JsonSerializer.Deserialize<A2AMessage>(json, A2AJson.Options)!;
        Assert.Null(message.ContextId);
        Assert.Equal("hi", Assert.IsType<TextPart>(Assert.Single(message.Parts!)).Text);
    }

    [Theory]
    [InlineData("""{"data":{"a":1}}""", typeof(DataPart))]
    [InlineData("""{"file":{"uri":"https://x/y.pdf"}}""", typeof(FilePart))]
    [InlineData("""{"text":"t","metadata":{"adk_thought":true}}""", typeof(TextPart))]
    [InlineData("""{"kind":"text","text":"t"}""", typeof(TextPart))]
    public void Part_kind_is_inferred_from_its_keys(string json, Type expected) =>
        Assert.IsType(expected, JsonSerializer.Deserialize<Part>(json, A2AJson.Options));

    [Theory]
    [InlineData("""{"kind":"image","url":"x"}""")]
    [InlineData("""{"metadata":{}}""")]
    [InlineData("""{"kind":"data","data":[1,2]}""")]
    [InlineData("""{"kind":"text","text":5}""")]
    [InlineData("""[]""")]
    public void Unreadable_parts_are_json_errors(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Part>(json, A2AJson.Options));

    [Theory]
    [InlineData("""{"id":"t","contextId":"c","status":{"state":"completed"}}""", typeof(A2ATask))]
    [InlineData("""{"role":"agent","parts":[{"text":"x"}],"messageId":"m"}""", typeof(A2AMessage))]
    [InlineData("""{"taskId":"t","status":{"state":"working"},"final":false}""", typeof(TaskStatusUpdateEvent))]
    [InlineData("""{"taskId":"t","artifact":{"artifactId":"a","parts":[]}}""", typeof(TaskArtifactUpdateEvent))]
    [InlineData("""{"message":{"role":"agent","parts":[{"text":"wrapped"}]}}""", typeof(A2AMessage))]
    public void Result_kind_is_inferred_when_missing(string json, Type expected) =>
        Assert.IsType(expected, JsonSerializer.Deserialize<A2AEvent>(json, A2AJson.Options));

    [Fact]
    public void Unknown_task_states_read_as_unknown()
    {
        var task = (A2ATask)JsonSerializer.Deserialize<A2AEvent>("""{"kind":"task","id":"t","status":{"state":"TASK_STATE_WORKING"}}""", A2AJson.Options)!;
        Assert.Equal(TaskState.Unknown, task.Status.State);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"abc","method":"message/send","params":{}}""", "\"abc\"")]
    [InlineData("""{"jsonrpc":"2.0","id":42,"method":"tasks/get"}""", "42")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"tasks/get"}""", "1.5")]
    public void Requests_keep_their_id_exactly(string body, string id)
    {
        Assert.True(JsonRpcRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out var request, out _));
        Assert.Equal(id, request.Id!.ToJsonString());
    }

    [Theory]
    [InlineData("not json", JsonRpcErrorCodes.ParseError)]
    [InlineData("", JsonRpcErrorCodes.ParseError)]
    [InlineData("{\"jsonrpc\":\"2.0\",", JsonRpcErrorCodes.ParseError)]
    [InlineData("[]", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"tasks/get"}]""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("42", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","method":"tasks/get"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":{"a":1},"method":"tasks/get"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"tasks/get"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"id":1,"method":"tasks/get"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":""}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}""", JsonRpcErrorCodes.InvalidRequest)]
    public void Bodies_that_are_not_requests_get_the_standard_error(string body, int code)
    {
        Assert.False(JsonRpcRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out _, out var error));
        Assert.Equal(code, error.Error!.Code);
    }

    [Fact]
    public async Task Oversized_bodies_are_invalid_requests()
    {
        var body = new MemoryStream(new byte[JsonRpcRequestReader.DefaultMaxBodyBytes + 1]);
        var read = await JsonRpcRequestReader.ReadAsync(body);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, read.Error!.Error!.Code);
    }

    [Theory]
    [InlineData("""{"message":{"role":"user","parts":[{"nothing":1}]}}""")]
    [InlineData("""{"message":{"role":"user","parts":"text"}}""")]
    [InlineData("""{"message":{"role":"user","parts":[{"text":"a","text":"b"}]}}""")]
    [InlineData("""{"message":{"role":7}}""")]
    public void Bad_params_are_invalid_params_with_no_type_names(string parameters)
    {
        var body = $$"""{"jsonrpc":"2.0","id":1,"method":"message/send","params":{{parameters}}}""";
        Assert.True(JsonRpcRequestReader.TryRead(Encoding.UTF8.GetBytes(body), out var request, out _));
        var e = Assert.Throws<JsonRpcException>(() => request.ReadParams<MessageSendParams>());
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, e.Code);
        Assert.DoesNotContain("Tau2Observe", e.Message);
        Assert.DoesNotContain("System.", e.Message);
    }
}
