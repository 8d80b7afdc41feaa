using System.Net;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.A2A.Tests;

/// <summary>What the A2A agent puts on the wire and how it reads replies, against an in-memory agent.</summary>
public class A2AAgentWireTests
{
    private const string Endpoint = "http://agent.test/a2a/simple_agent";
    private readonly StubAgentHandler _stub = new();

    private A2AAgent Agent(string? token = null) =>
        new(new A2AClient(new HttpClient(_stub), new Uri(Endpoint), token, TimeSpan.FromSeconds(5)), MockDomain.Context("create_task_1").Context);

    private static string TaskReply(string text, string contextId = "ctx-1", string state = "completed") => new JsonObject
    {
        ["kind"] = "task", ["id"] = Guid.NewGuid().ToString(), ["contextId"] = contextId,
        ["status"] = new JsonObject { ["state"] = state },
        ["artifacts"] = new JsonArray(new JsonObject { ["artifactId"] = "a", ["parts"] = new JsonArray(new JsonObject { ["kind"] = "text", ["text"] = text }) }),
    }.ToJsonString();

    [Fact]
    public async Task First_turn_sends_one_message_send_with_text_catalogue_metadata_and_token()
    {
        _stub.ReplyResult(TaskReply("Hello!"));
        var reply = await Agent("secret-token").GenerateAsync(new ParticipantState(), [Message.User("I need a task.")], CancellationToken.None);

        Assert.Equal("Hello!", reply.Content);
        var (request, body) = Assert.Single(_stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Endpoint, request.RequestUri!.ToString());
        Assert.Equal("Bearer secret-token", request.Headers.Authorization!.ToString());
        Assert.Equal("2.0", (string?)body["jsonrpc"]);
        Assert.Equal("message/send", (string?)body["method"]);
        var message = body["params"]!["message"]!;
        Assert.Equal("user", (string?)message["role"]);
        Assert.Null(message["contextId"]);
        Assert.Null(message["taskId"]);
        var part = Assert.Single(message["parts"]!.AsArray())!;
        Assert.Equal("text", (string?)part["kind"]);
        Assert.Equal("I need a task.\n\n\n" + ToolCatalogueBlock.Render(MockDomain.CreateTaskTool), (string?)part["text"]);
        Assert.Equal("mock", (string?)message["metadata"]!["tau2"]!["domain"]);
        Assert.Equal("create_task_1", (string?)message["metadata"]!["tau2"]!["task_id"]);
    }

    [Fact]
    public async Task Later_turns_carry_the_returned_context_id()
    {
        _stub.ReplyResult(TaskReply("{\"tool_call\": {\"name\": \"create_task\", \"arguments\": {\"user_id\": \"u\", \"title\": \"t\"}}}", "ctx-9"))
             .ReplyResult("""{"kind": "message", "messageId": "m", "role": "agent", "parts": [{"text": "Done."}], "contextId": "ctx-9"}""");
        var agent = Agent();
        var state = new ParticipantState();

        var call = await agent.GenerateAsync(state, [Message.User("Create it.")], CancellationToken.None);
        var done = await agent.GenerateAsync(state, [Message.ToolResult(call.ToolCalls![0].Id, "ok", Roles.Assistant, false)], CancellationToken.None);

        Assert.Equal("Done.", done.Content);
        Assert.Equal("ctx-9", state.Values[A2AAgent.ContextIdKey]);
        Assert.Equal("ctx-9", (string?)_stub.Requests[1].Body["params"]!["message"]!["contextId"]);
        Assert.Equal($"Tool result (id={call.ToolCalls[0].Id}): ok", (string?)_stub.Requests[1].Body["params"]!["message"]!["parts"]![0]!["text"]);
        Assert.Null(_stub.Requests[0].Request.Headers.Authorization);
    }

    [Fact]
    public async Task Several_tool_calls_in_one_reply_are_supported_and_their_results_sent_together()
    {
        _stub.ReplyResult(TaskReply("""{"tool_calls": [{"tool_call": {"id": "c1", "name": "create_task", "arguments": {"user_id": "u", "title": "a"}}}, {"tool_call": {"id": "c2", "name": "create_task", "arguments": {"user_id": "u", "title": "b"}}}]}"""))
             .ReplyResult(TaskReply("Both created."));
        var agent = Agent();
        var state = new ParticipantState();

        var calls = await agent.GenerateAsync(state, [Message.User("Two tasks please.")], CancellationToken.None);
        Assert.Equal(["c1", "c2"], calls.ToolCalls!.Select(c => c.Id));
        await agent.GenerateAsync(state, [Message.ToolResult("c1", "r1", Roles.Assistant, false), Message.ToolResult("c2", "r2", Roles.Assistant, false)], CancellationToken.None);

        Assert.Equal("Tool result (id=c1): r1\nTool result (id=c2): r2", (string?)_stub.Requests[1].Body["params"]!["message"]!["parts"]![0]!["text"]);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("rejected")]
    [InlineData("canceled")]
    public async Task A_remote_task_that_did_not_complete_is_an_agent_error(string state)
    {
        _stub.ReplyResult(TaskReply("model quota exceeded", state: state));
        var e = await Assert.ThrowsAsync<ParticipantException>(() => Agent().GenerateAsync(new ParticipantState(), [Message.User("hi")], CancellationToken.None));
        Assert.False(e.IsInfrastructure);
        Assert.Contains($"'{state}': model quota exceeded", e.Message);
    }

    [Fact]
    public async Task Input_required_is_a_normal_reply()
    {
        _stub.ReplyResult("""{"kind": "task", "id": "t", "contextId": "c", "status": {"state": "input-required", "message": {"role": "agent", "parts": [{"text": "Which user?"}]}}}""");
        var reply = await Agent().GenerateAsync(new ParticipantState(), [Message.User("hi")], CancellationToken.None);
        Assert.Equal("Which user?", reply.Content);
    }

    [Fact]
    public async Task Http_errors_become_agent_errors_without_the_token()
    {
        _stub.Reply(_ => StubAgentHandler.Json(HttpStatusCode.Unauthorized, "{}"));
        var e = await Assert.ThrowsAsync<ParticipantException>(() => Agent("secret-token").GenerateAsync(new ParticipantState(), [Message.User("hi")], CancellationToken.None));
        Assert.Contains("unauthorized (HTTP 401)", e.Message);
        Assert.DoesNotContain("secret-token", e.ToString());
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"jsonrpc": "2.0", "id": "x"}""")]
    [InlineData("""{"jsonrpc": "2.0", "id": "x", "result": {"kind": "task", "status": {"state": 3}}}""")]
    [InlineData("""{"jsonrpc": "2.0", "id": "x", "result": {"kind": "status-update", "taskId": "t", "status": {"state": "working"}}}""")]
    public async Task Answers_that_are_not_a2a_become_agent_errors(string body)
    {
        _stub.Reply(_ => StubAgentHandler.Json(HttpStatusCode.OK, body));
        var e = await Assert.ThrowsAsync<ParticipantException>(() => Agent().GenerateAsync(new ParticipantState(), [Message.User("hi")], CancellationToken.None));
        Assert.Contains(Endpoint, e.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_an_agent_error()
    {
        _stub.Reply(_ => throw new TaskCanceledException());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Agent().GenerateAsync(new ParticipantState(), [Message.User("hi")], cancelled.Token));
    }

    [Fact]
    public async Task Unreachable_agents_are_transport_errors_that_hide_credentials()
    {
        var port = FreePort();
        var client = new A2AClient(new HttpClient(), new Uri($"http://user:hunter2@127.0.0.1:{port}/a2a/x?key=hunter2"), timeout: TimeSpan.FromSeconds(5));
        var e = await Assert.ThrowsAsync<A2AException>(() => client.SendMessageAsync(new MessageSendParams { Message = new A2AMessage { Role = "user", Parts = [new TextPart("hi")] } }));
        Assert.Equal(A2AErrorKind.Transport, e.Kind);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.Contains($"http://127.0.0.1:{port}/a2a/x", e.Message);
    }

    [Theory]
    [InlineData("ftp://agent/x")]
    [InlineData("agent.example/a2a")]
    [InlineData("")]
    public void Endpoints_must_be_http_urls(string endpoint) =>
        Assert.Throws<ArgumentException>(() => new A2AAgentOptions(endpoint));

    [Fact]
    public void Options_strip_the_trailing_slash_and_never_print_the_token()
    {
        var options = new A2AAgentOptions("https://agent.example/a2a/x/", "tok-123");
        Assert.Equal("https://agent.example/a2a/x", options.Endpoint.ToString());
        Assert.Equal(A2AClient.DefaultTimeout, options.Timeout);
        Assert.DoesNotContain("tok-123", options.ToString());
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
