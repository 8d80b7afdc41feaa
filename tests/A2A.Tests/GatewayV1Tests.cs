using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>A2A 1.0 on the gateway's one endpoint: raw wire checks (the SDK interop tests cover real 1.0 clients).</summary>
public sealed class GatewayV1Tests : IDisposable
{
    private readonly GatewayFactory _factory = new() { HeartbeatSeconds = 0.05 };
    private readonly HttpClient _http;

    public GatewayV1Tests()
    {
        _factory.Evaluations.TrialDuration = TimeSpan.FromMilliseconds(10);
        _http = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(HttpStatusCode Status, string ContentType, string Body)> PostAsync(string method, JsonNode? parameters, string? version = "1.0")
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 7, ["method"] = method, ["params"] = parameters };
        using var request = new HttpRequestMessage(HttpMethod.Post, GatewayClient.RpcPath) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (version is not null) request.Headers.Add("A2A-Version", version);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    private static JsonObject SendParams(JsonObject data, bool returnImmediately = false)
    {
        var p = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["messageId"] = Guid.NewGuid().ToString(), ["role"] = "ROLE_USER",
                ["parts"] = new JsonArray(new JsonObject { ["data"] = data, ["mediaType"] = "application/json" }),
            },
        };
        if (returnImmediately) p["configuration"] = new JsonObject { ["returnImmediately"] = true };
        return p;
    }

    private static void AssertNoKind(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                Assert.False(o.ContainsKey("kind"), "1.0 has no 'kind': " + o.ToJsonString());
                Assert.False(o.ContainsKey("final"), "1.0 has no 'final': " + o.ToJsonString());
                foreach (var (key, value) in o)
                    if (key is not ("data" or "metadata")) AssertNoKind(value); // data and metadata are the caller's own JSON
                break;
            case JsonArray a:
                foreach (var item in a) AssertNoKind(item);
                break;
        }
    }

    [Fact]
    public async Task The_card_lists_the_rpc_url_for_1_0_and_0_3()
    {
        var card = JsonNode.Parse(await _http.GetStringAsync("/a2a/tau2_agent/.well-known/agent-card.json"))!;
        var interfaces = card["supportedInterfaces"]!.AsArray();
        Assert.Equal(["1.0", "0.3"], interfaces.Select(i => (string?)i!["protocolVersion"]));
        Assert.All(interfaces, i =>
        {
            Assert.Equal("JSONRPC", (string?)i!["protocolBinding"]);
            Assert.Equal("http://localhost/a2a/tau2_agent", (string?)i["url"]);
        });
        Assert.Equal(A2AProtocolVersion.V1_0, System.Text.Json.JsonSerializer.Deserialize<AgentCard>(card.ToJsonString(), A2AJson.Options)!.PreferredJsonRpcVersion());
    }

    [Fact]
    public async Task SendMessage_answers_a_wrapped_1_0_task_with_screaming_enums_and_no_kind()
    {
        var (status, _, body) = await PostAsync("SendMessage", SendParams(GatewayClient.Evaluation(tasks: 2)));
        Assert.Equal(HttpStatusCode.OK, status);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(7, (int)response["id"]!);
        var task = response["result"]!["task"]!;
        Assert.StartsWith("eval-", (string?)task["id"]);
        Assert.Equal("TASK_STATE_COMPLETED", (string?)task["status"]!["state"]);
        Assert.Equal("ROLE_AGENT", (string?)task["status"]!["message"]!["role"]);
        Assert.Equal("ROLE_USER", (string?)task["history"]![0]!["role"]);
        var parts = task["artifacts"]![0]!["parts"]!.AsArray();
        Assert.NotNull((string?)parts[0]!["text"]);
        Assert.Equal(2, (int)parts[1]!["data"]!["summary"]!["total_simulations"]!);
        AssertNoKind(task);
    }

    [Fact]
    public async Task SendStreamingMessage_streams_wrapped_events_and_ends_with_a_terminal_status()
    {
        var (status, contentType, body) = await PostAsync("SendStreamingMessage", SendParams(GatewayClient.Evaluation(tasks: 2, trials: 1)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/event-stream", contentType);
        var results = body.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("data: ", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e["data: ".Length..])!["result"]!.AsObject()).ToList();

        Assert.Equal("task", results[0].Single().Key);
        Assert.Equal("TASK_STATE_SUBMITTED", (string?)results[0]["task"]!["status"]!["state"]);
        var trials = results.Where(r => r["statusUpdate"]?["metadata"]?["tau2.current_task_id"] is not null).ToList();
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal("TASK_STATE_WORKING", (string?)t["statusUpdate"]!["status"]!["state"]));
        Assert.Equal("artifactUpdate", results[^2].Single().Key);
        Assert.Equal("TASK_STATE_COMPLETED", (string?)results[^1]["statusUpdate"]!["status"]!["state"]);
        foreach (var r in results) AssertNoKind(r);
    }

    [Fact]
    public async Task GetTask_and_CancelTask_answer_bare_tasks()
    {
        _factory.Evaluations.TrialDuration = null; // runs until cancelled
        var (_, _, sent) = await PostAsync("SendMessage", SendParams(GatewayClient.Evaluation(tasks: 3), returnImmediately: true));
        var started = JsonNode.Parse(sent)!["result"]!["task"]!;
        Assert.Equal("TASK_STATE_WORKING", (string?)started["status"]!["state"]);
        string id = (string)started["id"]!;

        var got = JsonNode.Parse((await PostAsync("GetTask", new JsonObject { ["id"] = id })).Body)!["result"]!;
        Assert.Equal(id, (string?)got["id"]);
        Assert.Equal("TASK_STATE_WORKING", (string?)got["status"]!["state"]);

        var cancelled = JsonNode.Parse((await PostAsync("CancelTask", new JsonObject { ["id"] = id })).Body)!["result"]!;
        Assert.Equal("TASK_STATE_CANCELED", (string?)cancelled["status"]!["state"]);
        AssertNoKind(cancelled);

        var again = JsonNode.Parse((await PostAsync("CancelTask", new JsonObject { ["id"] = id })).Body)!;
        Assert.Equal(JsonRpcErrorCodes.TaskNotCancelable, (int)again["error"]!["code"]!);
    }

    [Fact]
    public async Task SubscribeToTask_replays_a_finished_evaluation_as_wrapped_events()
    {
        var (_, _, sent) = await PostAsync("SendMessage", SendParams(GatewayClient.Evaluation(tasks: 2)));
        string id = (string)JsonNode.Parse(sent)!["result"]!["task"]!["id"]!;

        var (status, contentType, body) = await PostAsync("SubscribeToTask", new JsonObject { ["id"] = id });

        Assert.Equal((HttpStatusCode.OK, "text/event-stream"), (status, contentType));
        var results = body.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("data: ", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e["data: ".Length..])!["result"]!.AsObject()).ToList();
        Assert.Equal(id, (string?)results[0]["task"]!["id"]);
        Assert.Contains(results, r => r.ContainsKey("artifactUpdate"));
        Assert.Equal("TASK_STATE_COMPLETED", (string?)results[^1]["statusUpdate"]!["status"]!["state"]);
        foreach (var r in results) AssertNoKind(r);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("0.2")]
    [InlineData("latest")]
    public async Task An_unknown_version_is_refused_with_version_not_supported(string version)
    {
        var response = JsonNode.Parse((await PostAsync("SendMessage", SendParams(GatewayClient.Evaluation()), version)).Body)!;
        Assert.Equal(JsonRpcErrorCodes.VersionNotSupported, (int)response["error"]!["code"]!);
        Assert.Contains("0.3 and 1.0", (string?)response["error"]!["message"]);
        Assert.Equal(7, (int)response["id"]!);
    }

    [Fact]
    public async Task With_the_1_0_header_0_3_method_names_are_not_found_and_without_it_1_0_names_still_work()
    {
        var legacyName = JsonNode.Parse((await PostAsync("message/send", SendParams(GatewayClient.Evaluation()))).Body)!;
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, (int)legacyName["error"]!["code"]!);
        Assert.Contains("SendMessage", (string?)legacyName["error"]!["message"]);

        var noHeader = JsonNode.Parse((await PostAsync("SendMessage", SendParams(new JsonObject { ["skill"] = "list_domains" }), version: null)).Body)!;
        Assert.Equal("TASK_STATE_COMPLETED", (string?)noHeader["result"]!["task"]!["status"]!["state"]);
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("0.3.0")]
    [InlineData(null)]
    public async Task A_0_3_request_is_answered_in_0_3_whatever_the_0_3_header(string? version)
    {
        var parameters = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = new JsonObject { ["skill"] = "list_domains" } });
        var response = JsonNode.Parse((await PostAsync("message/send", parameters, version)).Body)!;
        Assert.Equal("task", (string?)response["result"]!["kind"]);
        Assert.Equal("completed", (string?)response["result"]!["status"]!["state"]);
    }
}
