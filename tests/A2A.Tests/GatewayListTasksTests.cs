using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Gateway;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// A2A 1.0 ListTasks: the gateway's evaluations, most recently updated first, in GetTask's shape,
/// filtered by context, state and status time, and paged with tokens that any gateway accepts.
/// </summary>
public sealed class GatewayListTasksTests : IDisposable
{
    private readonly GatewayFactory _factory = new();
    private readonly GatewayClient _client;

    public GatewayListTasksTests()
    {
        _factory.Evaluations.TrialDuration = null; // simulations finish, and evaluations change, when the test says so
        _client = new GatewayClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Evaluations_are_listed_most_recently_updated_first_each_as_GetTask_answers_it()
    {
        string first = await StartAsync();
        string second = await StartAsync();
        string third = await StartAsync();
        await Task.Delay(20);
        _factory.Evaluations.Finish(first); // the first evaluation is now the last one updated

        var result = Result(await ListAsync(new JsonObject()));

        Assert.Equal([first, third, second], Ids(result));
        Assert.Equal("", (string?)result["nextPageToken"]);
        Assert.Equal(TaskListQuery.DefaultPageSize, (int)result["pageSize"]!);
        Assert.Equal(3, (int)result["totalSize"]!);
        foreach (var task in result["tasks"]!.AsArray())
        {
            var got = JsonNode.Parse((await PostAsync("GetTask", new JsonObject { ["id"] = task!["id"]!.DeepClone() })).Body)!["result"]!;
            Assert.Equal(WithoutMessageIds(got), WithoutMessageIds(task));
        }
        Assert.Equal("TASK_STATE_WORKING", (string?)result["tasks"]![0]!["status"]!["state"]);
        Assert.DoesNotContain("\"kind\"", result.ToJsonString());
    }

    [Fact]
    public async Task Artifacts_are_left_out_unless_asked_for_and_history_is_cut_to_the_most_recent_messages()
    {
        string id = await StartAsync(tasks: 1);
        _factory.Evaluations.Finish(id);
        var got = JsonNode.Parse((await PostAsync("GetTask", new JsonObject { ["id"] = id })).Body)!["result"]!;
        Assert.Equal(3, got["history"]!.AsArray().Count); // the tool call, its response and the summary

        var plain = Single(Result(await ListAsync(new JsonObject())));
        Assert.False(plain.AsObject().ContainsKey("artifacts"));
        Assert.Equal(3, plain["history"]!.AsArray().Count);

        var full = Single(Result(await ListAsync(new JsonObject { ["includeArtifacts"] = true, ["historyLength"] = 1 })));
        Assert.Equal(WithoutMessageIds(got["artifacts"]), WithoutMessageIds(full["artifacts"]));
        Assert.Equal(WithoutMessageIds(got["history"]![2]), WithoutMessageIds(Assert.Single(full["history"]!.AsArray())));

        var noHistory = Single(Result(await ListAsync(new JsonObject { ["historyLength"] = 0 })));
        Assert.False(noHistory.AsObject().ContainsKey("history"));
    }

    [Fact]
    public async Task Tasks_are_filtered_by_context_state_and_status_time()
    {
        string inContext = await StartAsync(contextId: "ctx-list-1");
        string working = await StartAsync();
        string done = await StartAsync(tasks: 1);
        await Task.Delay(20);
        var beforeDone = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        _factory.Evaluations.Finish(done);

        Assert.Equal([inContext], Ids(Result(await ListAsync(new JsonObject { ["contextId"] = "ctx-list-1" }))));
        // an evaluation started without a context is in the context named after it
        Assert.Equal([working], Ids(Result(await ListAsync(new JsonObject { ["contextId"] = working }))));
        Assert.Empty(Ids(Result(await ListAsync(new JsonObject { ["contextId"] = "ctx-nobody" }))));

        Assert.Equal([done], Ids(Result(await ListAsync(new JsonObject { ["status"] = "TASK_STATE_COMPLETED" }))));
        Assert.Equal([working, inContext], Ids(Result(await ListAsync(new JsonObject { ["status"] = "TASK_STATE_WORKING" }))));
        Assert.Equal([done], Ids(Result(await ListAsync(new JsonObject { ["status"] = "completed" })))); // the 0.3 spelling
        Assert.Equal(3, Ids(Result(await ListAsync(new JsonObject { ["status"] = "TASK_STATE_UNSPECIFIED", ["contextId"] = "" }))).Count);

        // nanoseconds, as proto's JSON writes a Timestamp
        string after = beforeDone.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);
        var recent = Result(await ListAsync(new JsonObject { ["statusTimestampAfter"] = after }));
        Assert.Equal([done], Ids(recent));
        Assert.Equal(1, (int)recent["totalSize"]!);
    }

    [Fact]
    public async Task Pages_follow_one_another_with_their_tokens_and_a_task_updated_meanwhile_is_not_listed_twice()
    {
        var started = new List<string>();
        for (int i = 0; i < 5; i++) started.Add(await StartAsync());
        started.Reverse(); // newest first

        var page1 = Result(await ListAsync(new JsonObject { ["pageSize"] = 2 }));
        Assert.Equal(started[..2], Ids(page1));
        Assert.Equal((2, 5), ((int)page1["pageSize"]!, (int)page1["totalSize"]!));
        string token = (string)page1["nextPageToken"]!;
        Assert.NotEqual("", token);

        // a task of the first page changes: it moves ahead of the cursor, so the next pages do not show it again
        _factory.Evaluations.Finish(started[0]);
        var page2 = Result(await ListAsync(new JsonObject { ["pageSize"] = 2, ["pageToken"] = token }));
        Assert.Equal(started[2..4], Ids(page2));
        // the token is the whole cursor: another gateway of the cluster continues the listing
        using var otherGateway = new GatewayFactory { Evaluations = _factory.Evaluations };
        var page3 = Result(await ListAsync(new JsonObject { ["pageSize"] = 2, ["pageToken"] = (string)page2["nextPageToken"]! }, otherGateway.CreateClient()));
        Assert.Equal(started[4..], Ids(page3));
        Assert.Equal("", (string?)page3["nextPageToken"]);
    }

    [Fact]
    public async Task Unknown_foreign_and_expired_page_tokens_are_invalid_params_that_say_to_start_again()
    {
        string id = await StartAsync();
        await StartAsync();
        var snapshot = (await _factory.Evaluations.GetAsync(id, CancellationToken.None))!;
        string anyFilters = new TaskListQuery().Filters;

        foreach (var (token, says) in new[]
        {
            ("not-a-token", "is not a page token"),
            (Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"t\":\"x\"}")), "is not a page token"),
            (new string('A', 5000), "is not a page token"),
            (TaskListPageToken.After(snapshot, new TaskListQuery { State = TaskState.Working }.Filters, DateTimeOffset.UtcNow).Encode(), "other filters"),
            (TaskListPageToken.After(snapshot, anyFilters, DateTimeOffset.UtcNow - TaskListPageToken.Lifetime - TimeSpan.FromMinutes(1)).Encode(), "has expired"),
        })
        {
            var error = (await ListAsync(new JsonObject { ["pageToken"] = token }))["error"]!;
            Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)error["code"]!);
            Assert.Contains(says, (string?)error["message"]);
            Assert.Contains("leave pageToken out", (string?)error["message"]);
        }
        // the same token, fresh and for the same filters, works
        var fresh = TaskListPageToken.After(snapshot, anyFilters, DateTimeOffset.UtcNow).Encode();
        Assert.NotNull((await ListAsync(new JsonObject { ["pageToken"] = fresh }))["result"]);
    }

    [Theory]
    [InlineData("""{"pageSize":0}""", "pageSize must be from 1 to 100; got 0.")]
    [InlineData("""{"pageSize":101}""", "pageSize must be from 1 to 100; got 101.")]
    [InlineData("""{"pageSize":"10"}""", "pageSize must be a whole number; got the string \"10\".")]
    [InlineData("""{"pageSize":2.5}""", "pageSize must be a whole number; got 2.5.")]
    [InlineData("""{"historyLength":-1}""", "historyLength must be 0 or more; got -1.")]
    [InlineData("""{"status":"TASK_STATE_DONE"}""", "status must be one of TASK_STATE_SUBMITTED, TASK_STATE_WORKING, TASK_STATE_INPUT_REQUIRED, TASK_STATE_COMPLETED, TASK_STATE_CANCELED, TASK_STATE_FAILED, TASK_STATE_REJECTED, TASK_STATE_AUTH_REQUIRED; got the string \"TASK_STATE_DONE\".")]
    [InlineData("""{"status":3}""", "status must be a task state name (TASK_STATE_SUBMITTED, ")]
    [InlineData("""{"statusTimestampAfter":"yesterday"}""", "statusTimestampAfter must be an ISO 8601 time such as \"2026-01-31T12:00:00Z\"; got the string \"yesterday\".")]
    [InlineData("""{"statusTimestampAfter":1700000000}""", "statusTimestampAfter must be an ISO 8601 time")]
    [InlineData("""{"includeArtifacts":"yes"}""", "includeArtifacts must be true or false; got the string \"yes\".")]
    [InlineData("""{"contextId":5}""", "contextId must be a string; got 5.")]
    [InlineData("""{"pageToken":["a"]}""", "pageToken must be a string; got a list.")]
    [InlineData("""[1]""", "ListTasks needs 'params' to be an object; got a list.")]
    public async Task Bad_parameters_are_invalid_params_naming_what_to_fix(string parameters, string message)
    {
        var error = (await ListAsync(JsonNode.Parse(parameters)))["error"]!;
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, (int)error["code"]!);
        Assert.StartsWith(message, (string?)error["message"]);
    }

    [Fact]
    public async Task Without_params_and_without_the_version_header_ListTasks_is_still_answered_as_1_0()
    {
        string id = await StartAsync();
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 3, ["method"] = "ListTasks" };
        var response = JsonNode.Parse((await _client.PostAsync(body.ToJsonString())).Body)!;
        Assert.Equal([id], Ids(response["result"]!));
        Assert.Equal("TASK_STATE_WORKING", (string?)response["result"]!["tasks"]![0]!["status"]!["state"]);
    }

    [Theory]
    [InlineData("tasks/list", null)]
    [InlineData("tasks/list", "0.3")]
    [InlineData("ListTasks", "0.3")]
    public async Task A_0_3_caller_is_pointed_to_ListTasks_in_1_0(string method, string? version)
    {
        var (_, _, body) = await PostAsync(method, new JsonObject(), version);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, (int)error["code"]!);
        Assert.Contains("call ListTasks with A2A-Version: 1.0", (string?)error["message"]);
    }

    private async Task<string> StartAsync(int tasks = 2, string? contextId = null)
    {
        var parameters = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation(tasks: tasks) },
            configuration: new JsonObject { ["blocking"] = false });
        if (contextId is not null) parameters["message"]!["contextId"] = contextId;
        string id = (string)GatewayClient.Result(await _client.CallAsync("message/send", parameters))["id"]!;
        await Task.Delay(20); // evaluations started one after another have distinct timestamps
        return id;
    }

    private async Task<JsonObject> ListAsync(JsonNode? parameters, HttpClient? http = null) =>
        JsonNode.Parse((await PostAsync("ListTasks", parameters, "1.0", http)).Body)!.AsObject();

    private async Task<(System.Net.HttpStatusCode Status, string ContentType, string Body)> PostAsync(string method, JsonNode? parameters, string? version = "1.0", HttpClient? http = null)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 9, ["method"] = method, ["params"] = parameters };
        using var request = new HttpRequestMessage(HttpMethod.Post, GatewayClient.RpcPath) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (version is not null) request.Headers.Add("A2A-Version", version);
        using var response = await (http ?? _client.Http).SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    private static JsonNode Result(JsonObject response) => response["result"] ?? throw new Xunit.Sdk.XunitException("no result: " + response.ToJsonString());

    private static List<string> Ids(JsonNode result) => result["tasks"]!.AsArray().Select(t => (string)t!["id"]!).ToList();

    private static JsonNode Single(JsonNode result) => Assert.Single(result["tasks"]!.AsArray())!;

    /// <summary>The JSON without message ids, which are new in every answer.</summary>
    private static string WithoutMessageIds(JsonNode? node)
    {
        var copy = node?.DeepClone();
        Strip(copy);
        return copy?.ToJsonString() ?? "null";

        static void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                o.Remove("messageId");
                foreach (var (_, value) in o) Strip(value);
            }
            else if (n is JsonArray a)
            {
                foreach (var item in a) Strip(item);
            }
        }
    }
}
