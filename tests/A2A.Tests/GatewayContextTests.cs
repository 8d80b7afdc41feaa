using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// An evaluation task belongs to one A2A context: the same contextId in the answer to every resend,
/// every stream event, tasks/get, tasks/cancel and tasks/resubscribe, from any gateway of the cluster.
/// </summary>
public sealed class GatewayContextTests : IDisposable
{
    private static readonly JsonObject NonBlocking = new() { ["blocking"] = false };

    private readonly GatewayFactory _gateway = new();
    // a second gateway on the same cluster: what a client meets after a gateway restart or behind a load balancer
    private readonly GatewayFactory _otherGateway;

    public GatewayContextTests()
    {
        _gateway.Evaluations.TrialDuration = null; // simulations finish when the test says so
        _otherGateway = new GatewayFactory { Evaluations = _gateway.Evaluations };
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _otherGateway.Dispose();
    }

    [Fact]
    public async Task A_message_resent_without_a_context_gets_the_same_context_in_every_answer()
    {
        var client = new GatewayClient(_gateway.CreateClient());
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.CallAsync("message/send", Send("resend-1"))));
        var tasks = sent.Select(GatewayClient.Result).ToList();
        string id = (string)tasks[0]["id"]!, context = (string)tasks[0]["contextId"]!;
        Assert.All(tasks, t => Assert.Equal(id, (string?)t["id"]));
        Assert.All(tasks, t => Assert.Equal(context, (string?)t["contextId"]));
        Assert.All(tasks, t => Assert.Equal(context, (string?)t["history"]![0]!["contextId"]));

        Assert.Equal(context, await GetContextAsync(_gateway, id));
        Assert.Equal(context, await GetContextAsync(_otherGateway, id));

        var streaming = PostAsync(_gateway, "message/stream", Send("resend-1"));
        foreach (var _ in Enumerable.Range(0, 2)) _gateway.Evaluations.Finish(id);
        var streamed = Events(await streaming);
        Assert.Equal(id, (string?)streamed[0]["id"]);
        Assert.Contains(streamed, e => e["metadata"]?["tau2.current_task_id"] is not null);
        Assert.Equal([context], ContextsIn(streamed));

        Assert.Equal([context], ContextsIn(Events(await PostAsync(_otherGateway, "tasks/resubscribe", new JsonObject { ["id"] = id }))));
    }

    [Fact]
    public async Task A_context_the_client_names_is_kept_with_the_evaluation()
    {
        var parameters = Send("named-1");
        parameters["message"]!["contextId"] = "ctx-client-7";
        var task = GatewayClient.Result(await new GatewayClient(_gateway.CreateClient()).CallAsync("message/send", parameters));
        string id = (string)task["id"]!;
        Assert.Equal("ctx-client-7", (string?)task["contextId"]);

        Assert.Equal("ctx-client-7", await GetContextAsync(_otherGateway, id));
        var cancelled = GatewayClient.Result(await new GatewayClient(_otherGateway.CreateClient()).CallAsync("tasks/cancel", new JsonObject { ["id"] = id }));
        Assert.Equal("canceled", (string?)cancelled["status"]!["state"]);
        Assert.Equal("ctx-client-7", (string?)cancelled["contextId"]);
        Assert.Equal(["ctx-client-7"], ContextsIn(Events(await PostAsync(_otherGateway, "tasks/resubscribe", new JsonObject { ["id"] = id }))));
    }

    [Fact]
    public async Task The_same_message_in_two_contexts_is_two_tasks_each_in_its_own()
    {
        var client = new GatewayClient(_gateway.CreateClient());
        var inA = Send("shared-id");
        inA["message"]!["contextId"] = "ctx-a";
        var inB = Send("shared-id");
        inB["message"]!["contextId"] = "ctx-b";

        var a = GatewayClient.Result(await client.CallAsync("message/send", inA));
        var b = GatewayClient.Result(await client.CallAsync("message/send", inB));

        Assert.NotEqual((string?)a["id"], (string?)b["id"]);
        Assert.Equal("ctx-a", await GetContextAsync(_gateway, (string)a["id"]!));
        Assert.Equal("ctx-b", await GetContextAsync(_gateway, (string)b["id"]!));
    }

    [Fact]
    public async Task A_context_id_too_long_to_repeat_in_every_answer_is_refused()
    {
        var parameters = Send("long-context");
        parameters["message"]!["contextId"] = new string('c', 5000);

        var response = await new GatewayClient(_gateway.CreateClient()).CallAsync("message/send", parameters);

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Contains("contextId must be at most 200 characters", (string?)response["error"]!["message"]);
        Assert.Empty(_gateway.Evaluations.Started);
    }

    private static JsonObject Send(string messageId) =>
        GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation(tasks: 2) }, messageId, NonBlocking.DeepClone().AsObject());

    private static async Task<string?> GetContextAsync(GatewayFactory gateway, string id) =>
        (string?)GatewayClient.Result(await new GatewayClient(gateway.CreateClient()).CallAsync("tasks/get", new JsonObject { ["id"] = id }))["contextId"];

    private static async Task<string> PostAsync(GatewayFactory gateway, string method, JsonObject parameters)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "ctx", ["method"] = method, ["params"] = parameters };
        using var response = await gateway.CreateClient().PostAsync(GatewayClient.RpcPath, new StringContent(body.ToJsonString()));
        return await response.Content.ReadAsStringAsync();
    }

    private static List<JsonObject> Events(string sse)
    {
        var events = new List<JsonObject>();
        foreach (var line in sse.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)))
            events.Add(JsonNode.Parse(line["data:".Length..])!["result"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("not a result: " + line));
        Assert.NotEmpty(events);
        return events;
    }

    /// <summary>The distinct contextIds of the events and of their status messages (null where one has none).</summary>
    private static List<string?> ContextsIn(List<JsonObject> events) =>
        events.Select(e => (string?)e["contextId"])
            .Concat(events.Select(e => e["status"]?["message"]).OfType<JsonNode>().Select(m => (string?)m["contextId"]))
            .Distinct().ToList();
}
