using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>The A2A client picks 0.3 or 1.0 from the agent card and speaks it on the wire.</summary>
public class A2AClientVersionTests
{
    private const string Endpoint = "http://agent.test/a2a/agent";

    /// <summary>An agent with a given card (null = 404) that answers every call with <c>reply</c>(method, params).</summary>
    private sealed class CardAgent(string? cardJson, Func<string, JsonNode?, JsonNode> reply) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, JsonObject Body)> Calls { get; } = [];
        public List<HttpRequestMessage> CardRequests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Method == HttpMethod.Get)
            {
                CardRequests.Add(request);
                return cardJson is null
                    ? new HttpResponseMessage(HttpStatusCode.NotFound)
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(cardJson, Encoding.UTF8, "application/json") };
            }
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!.AsObject();
            Calls.Add((request, body));
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = body["id"]!.DeepClone(), ["result"] = reply((string)body["method"]!, body["params"]) };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }

    private static string Card(params string[] versions) => new JsonObject
    {
        ["name"] = "agent", ["url"] = Endpoint,
        ["supportedInterfaces"] = new JsonArray(versions.Select(v => (JsonNode?)new JsonObject { ["url"] = Endpoint, ["protocolBinding"] = "JSONRPC", ["protocolVersion"] = v }).ToArray()),
    }.ToJsonString();

    private static readonly JsonNode V1Task = JsonNode.Parse("""
        {"task": {"id": "t1", "contextId": "c1", "status": {"state": "TASK_STATE_COMPLETED",
          "message": {"messageId": "m", "role": "ROLE_AGENT", "parts": [{"text": "status text"}]}},
          "artifacts": [{"artifactId": "a", "parts": [{"text": "Hello from 1.0"}, {"data": {"x": 1}}, {"url": "https://f.example/a.txt", "filename": "a.txt", "mediaType": "text/plain"}]}]}}
        """)!;

    private static MessageSendParams Hello() => new()
    {
        Message = new A2AMessage { MessageId = "m1", Role = A2ARoles.User, Parts = [new TextPart("hi")], ContextId = "c1" },
        Configuration = new MessageSendConfiguration { Blocking = false },
    };

    [Fact]
    public async Task A_card_with_a_1_0_json_rpc_interface_makes_the_client_speak_1_0()
    {
        var agent = new CardAgent(Card("0.3", "1.0"), (_, _) => V1Task.DeepClone());
        var client = new A2AClient(new HttpClient(agent), new Uri(Endpoint));

        var reply = Assert.IsType<A2ATask>(await client.SendMessageAsync(Hello()));

        Assert.Equal(A2AProtocolVersion.V1_0, client.ProtocolVersion);
        Assert.Equal("1.0", Assert.Single(agent.CardRequests).Headers.GetValues("A2A-Version").Single());
        var (request, body) = Assert.Single(agent.Calls);
        Assert.Equal("1.0", request.Headers.GetValues("A2A-Version").Single());
        Assert.Equal("SendMessage", (string?)body["method"]);
        var message = body["params"]!["message"]!;
        Assert.Equal("ROLE_USER", (string?)message["role"]);
        Assert.Null(message["kind"]);
        Assert.Equal("""{"text":"hi"}""", message["parts"]![0]!.ToJsonString());
        Assert.True((bool)body["params"]!["configuration"]!["returnImmediately"]!);
        Assert.Null(body["params"]!["configuration"]!["blocking"]);

        Assert.Equal(TaskState.Completed, reply.Status.State);
        Assert.Equal(A2ARoles.Agent, reply.Status.Message!.Role);
        var parts = reply.Artifacts![0].Parts;
        Assert.Equal("Hello from 1.0", Assert.IsType<TextPart>(parts[0]).Text);
        Assert.Equal(1, (int)Assert.IsType<DataPart>(parts[1]).Data["x"]!);
        var file = Assert.IsType<FilePart>(parts[2]).File;
        Assert.Equal(("https://f.example/a.txt", "a.txt", "text/plain"), (file.Uri, file.Name, file.MimeType));
        Assert.Equal("Hello from 1.0", ReplyTextExtractor.Extract(reply));
    }

    [Theory]
    [InlineData(null)]                                                    // no card: the reference never asks for one
    [InlineData("""{"name": "agent", "url": "http://agent.test/a2a/agent", "protocolVersion": "0.3.0"}""")]
    [InlineData("not json")]
    public async Task Without_a_1_0_interface_the_client_speaks_0_3(string? card)
    {
        var agent = new CardAgent(card, (_, _) => JsonNode.Parse("""{"kind": "message", "messageId": "r", "role": "agent", "parts": [{"kind": "text", "text": "ok"}]}""")!);
        var client = new A2AClient(new HttpClient(agent), new Uri(Endpoint));

        Assert.IsType<A2AMessage>(await client.SendMessageAsync(Hello()));
        await client.GetTaskAsync("t1").ContinueWith(_ => { }); // a message result is not a task; only the wire matters here

        Assert.Equal(A2AProtocolVersion.V0_3, client.ProtocolVersion);
        Assert.Single(agent.CardRequests); // chosen once per client
        Assert.Equal(["message/send", "tasks/get"], agent.Calls.Select(c => (string?)c.Body["method"]));
        Assert.Equal("0.3", agent.Calls[0].Request.Headers.GetValues("A2A-Version").Single());
        Assert.Equal("text", (string?)agent.Calls[0].Body["params"]!["message"]!["parts"]![0]!["kind"]);
        Assert.False((bool)agent.Calls[0].Body["params"]!["configuration"]!["blocking"]!);
    }

    [Fact]
    public async Task A_fixed_version_skips_the_card_and_1_0_task_calls_read_bare_tasks()
    {
        var agent = new CardAgent(null, (method, _) => method == "GetTask"
            ? JsonNode.Parse("""{"id": "t1", "contextId": "c", "status": {"state": "TASK_STATE_INPUT_REQUIRED"}}""")!
            : JsonNode.Parse("""{"id": "t1", "contextId": "c", "status": {"state": "TASK_STATE_CANCELED"}}""")!);
        var client = new A2AClient(new HttpClient(agent), new Uri(Endpoint), protocolVersion: A2AProtocolVersion.V1_0);

        Assert.Equal(TaskState.InputRequired, (await client.GetTaskAsync("t1")).Status.State);
        Assert.Equal(TaskState.Canceled, (await client.CancelTaskAsync("t1")).Status.State);
        Assert.Empty(agent.CardRequests);
        Assert.Equal(["GetTask", "CancelTask"], agent.Calls.Select(c => (string?)c.Body["method"]));
    }

    [Fact]
    public void Translation_round_trips_a_0_3_task_through_1_0()
    {
        var task = JsonNode.Parse("""
            {"kind": "task", "id": "t", "contextId": "c",
             "status": {"state": "input-required", "message": {"kind": "message", "messageId": "m", "role": "agent", "parts": [{"kind": "text", "text": "?"}]}},
             "artifacts": [{"artifactId": "a", "parts": [{"kind": "file", "file": {"name": "f.bin", "mimeType": "application/octet-stream", "bytes": "AAE="}}, {"kind": "data", "data": {"k": [1]}}]}]}
            """)!.AsObject();

        var v1 = A2AV1Json.ResultToV1(A2AV1Methods.SendMessage, task);
        Assert.Equal("TASK_STATE_INPUT_REQUIRED", (string?)v1["task"]!["status"]!["state"]);
        Assert.Equal("""{"raw":"AAE=","filename":"f.bin","mediaType":"application/octet-stream"}""", v1["task"]!["artifacts"]![0]!["parts"]![0]!.ToJsonString());

        var back = A2AV1Json.ResultToV03(A2AV1Methods.SendMessage, v1);
        Assert.True(JsonNode.DeepEquals(task, back), back.ToJsonString());
    }

    [Fact]
    public void A_1_0_status_update_gets_final_from_its_state()
    {
        JsonNode Event(string state) => A2AV1Json.StreamResponseToV03(new JsonObject { ["statusUpdate"] = new JsonObject { ["taskId"] = "t", ["contextId"] = "c", ["status"] = new JsonObject { ["state"] = state } } });
        Assert.False((bool)Event("TASK_STATE_WORKING")["final"]!);
        Assert.True((bool)Event("TASK_STATE_COMPLETED")["final"]!);
        Assert.True((bool)Event("TASK_STATE_INPUT_REQUIRED")["final"]!);
        Assert.Equal("status-update", (string?)Event("TASK_STATE_FAILED")["kind"]);
        Assert.Equal("unknown", (string?)Event("TASK_STATE_UNSPECIFIED")["status"]!["state"]);
    }
}
