using System.Net;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Gateway;

namespace Tau2Observe.A2A.Tests;

/// <summary>Every JSON-RPC error the gateway gives, always as HTTP 200 with a message that says what is wrong.</summary>
public class GatewayErrorTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly GatewayClient _client = new(factory.CreateClient());

    [Theory]
    [InlineData("{not json", JsonRpcErrorCodes.ParseError)]
    [InlineData("", JsonRpcErrorCodes.ParseError)]
    [InlineData("[1,2]", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":true,"method":"message/send"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.1","id":1,"method":"message/send"}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":5}""", JsonRpcErrorCodes.InvalidRequest)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/sendd"}""", JsonRpcErrorCodes.MethodNotFound)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ListTasks","params":{"pageSize":0}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ListTasks","params":{"pageToken":"expired-or-unknown"}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/list","params":{}}""", JsonRpcErrorCodes.MethodNotFound)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"CreateTaskPushNotificationConfig","params":{}}""", JsonRpcErrorCodes.PushNotificationNotSupported)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/pushNotificationConfig/set","params":{}}""", JsonRpcErrorCodes.PushNotificationNotSupported)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"agent/getAuthenticatedExtendedCard"}""", JsonRpcErrorCodes.AuthenticatedExtendedCardNotConfigured)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send"}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send","params":[]}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send","params":{}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"role":"user","parts":[]}}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"role":"agent","parts":[{"text":"hi"}]}}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"role":"user","parts":[{"kind":"video"}]}}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"message/stream","params":{"message":{"role":"user"}}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{}}""", JsonRpcErrorCodes.InvalidParams)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"eval-none"}}""", JsonRpcErrorCodes.TaskNotFound)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/cancel","params":{"id":"eval-none"}}""", JsonRpcErrorCodes.TaskNotFound)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tasks/resubscribe","params":{"id":"eval-none"}}""", JsonRpcErrorCodes.TaskNotFound)]
    public async Task Protocol_errors_have_their_standard_codes(string body, int code)
    {
        var (status, contentType, text) = await _client.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal(code, (int)JsonNode.Parse(text)!["error"]!["code"]!);
    }

    [Fact]
    public async Task Parse_errors_have_a_null_id_and_others_echo_it()
    {
        var parse = JsonNode.Parse((await _client.PostAsync("nope")).Body)!.AsObject();
        Assert.True(parse.ContainsKey("id") && parse["id"] is null);
        var unknown = JsonNode.Parse((await _client.PostAsync("""{"jsonrpc":"2.0","id":12,"method":"x"}""")).Body)!;
        Assert.Equal(12, (int)unknown["id"]!);
    }

    [Theory]
    [InlineData("""{"domain":"cooking","agent_endpoint":"http://a/b"}""", "Unknown domain 'cooking'. Known domains: airline, mock, retail, telecom.")]
    [InlineData("""{"agent_endpoint":"http://a/b"}""", "Missing domain")]
    [InlineData("""{"domain":"mock"}""", "Missing agent endpoint")]
    [InlineData("""{"domain":"mock","agent_endpoint":"localhost:5101"}""", "agent_endpoint must be an http:// or https:// URL")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_tasks":0}""", "num_tasks must be between 1 and 30 (got 0)")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_tasks":31}""", "num_tasks must be between 1 and 30")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_tasks":"many"}""", "\"num_tasks\" must be a whole number")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_tasks":2.5}""", "\"num_tasks\" must be a whole number")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_trials":-1}""", "num_trials must be between 1 and 4 (got -1)")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_trials":1e30}""", "\"num_trials\" must be a whole number")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","task_ids":[1,2]}""", "\"task_ids\" must be a list of strings")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","task_ids":[]}""", "task_ids must be a non-empty list")]
    [InlineData("""{"domain":5,"agent_endpoint":"oracle"}""", "\"domain\" must be a string; got 5.")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_tasks":"5"}""", "\"num_tasks\" must be a whole number (a JSON number such as 5); got the string \"5\".")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","num_trials":"1"}""", "\"num_trials\" must be a whole number (a JSON number such as 5); got the string \"1\".")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","seed":"300"}""", "\"seed\" must be a whole number (a JSON number such as 5); got the string \"300\".")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","max_steps":[10]}""", "\"max_steps\" must be a whole number (a JSON number such as 5); got a list.")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","task_ids":"0"}""", "\"task_ids\" must be a list of strings (e.g. [\"0\", \"1\"]); got the string \"0\".")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","task_ids":["0",1]}""", "\"task_ids\" must be a list of strings; item 1 is 1.")]
    [InlineData("""{"skill":"get_evaluation_results","list_available":"yes"}""", "\"list_available\" must be true or false; got the string \"yes\".")]
    [InlineData("""{"skill":"bake_bread"}""", "Unknown skill 'bake_bread'")]
    [InlineData("""{"skill":"get_evaluation_results"}""", "needs \"evaluation_id\"")]
    [InlineData("""{"skill":"get_evaluation_results","evaluation_id":"eval-none"}""", "No evaluation has the id 'eval-none'")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","task_ids":["missing"]}""", "Task 'missing' not found in domain 'mock'")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","simulated_turn_latency_ms":-1}""", "simulated_turn_latency_ms must be between 0 and 60000 (got -1)")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","simulated_turn_latency_ms":60001}""", "simulated_turn_latency_ms must be between 0 and 60000 (got 60001)")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","simulated_turn_latency_ms":1.5}""", "\"simulated_turn_latency_ms\" must be a whole number")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","simulated_turn_latency_ms":"fast"}""", "\"simulated_turn_latency_ms\" must be a whole number")]
    [InlineData("""{"domain":"mock","agent_endpoint":"oracle","simulated_turn_latency_ms":true}""", "\"simulated_turn_latency_ms\" must be a whole number")]
    public async Task Bad_parameters_are_invalid_params_that_say_what_to_fix(string data, string message)
    {
        var response = await _client.SendDataAsync(JsonNode.Parse(data)!.AsObject());
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Contains(message, (string?)response["error"]!["message"]);
    }

    [Theory]
    [InlineData("Run an evaluation for agent at http://127.0.0.1:5101/agents/oracle. Use 5 tasks.", "Missing domain")]
    [InlineData("Run an evaluation on the airline domain. Use 5 tasks.", "Missing agent endpoint")]
    [InlineData("Run an evaluation on the airline domain for agent at oracle. Use -3 tasks.", "num_tasks must be between 1 and 30 (got -3)")]
    [InlineData("Run an evaluation on the airline domain for agent at oracle. Use 99999999999 tasks.", "The number of tasks is out of range")]
    [InlineData("Run an evaluation on the cooking domain for agent at oracle.", "Unknown domain 'cooking'")]
    public async Task Incomplete_text_requests_are_invalid_params(string text, string message)
    {
        var response = await _client.SendTextAsync(text);
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Contains(message, (string?)response["error"]!["message"]);
    }

    [Fact]
    public async Task Cluster_failures_are_internal_errors_without_details()
    {
        using var failing = new GatewayFactory();
        failing.Evaluations.ThrowOnStart = new InvalidOperationException("boom: connection string password=hunter2");
        var response = await new GatewayClient(failing.CreateClient()).SendDataAsync(GatewayClient.Evaluation());
        Assert.Equal(JsonRpcErrorCodes.InternalError, GatewayClient.ErrorCode(response));
        string message = (string)response["error"]!["message"]!;
        Assert.StartsWith("Internal error", message);
        Assert.DoesNotContain("hunter2", response.ToJsonString());
        Assert.DoesNotContain(" at ", message);
    }

    [Fact]
    public async Task A_missing_message_id_is_generated()
    {
        var parameters = new JsonObject { ["message"] = new JsonObject { ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["text"] = "List available domains" }) } };
        var task = GatewayClient.Result(await _client.CallAsync("message/send", parameters));
        Assert.False(string.IsNullOrEmpty((string?)task["history"]![0]!["messageId"]));
    }

    [Fact]
    public async Task Errors_quote_long_values_cut_short()
    {
        string domain = new('d', 100_000);
        var response = await _client.SendDataAsync(new JsonObject { ["domain"] = domain, ["agent_endpoint"] = "oracle" });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        string message = (string)response["error"]!["message"]!;
        Assert.StartsWith($"Unknown domain '{new string('d', QuotedValue.MaxLength)}… (100000 characters)'.", message);
        Assert.True(response.ToJsonString().Length < 1_000, $"response of {response.ToJsonString().Length} characters");
    }

    [Fact]
    public async Task A_long_task_id_in_tasks_get_is_quoted_cut_short()
    {
        string id = new('x', 50_000);
        var response = await _client.CallAsync("tasks/get", new JsonObject { ["id"] = id });

        Assert.Equal(JsonRpcErrorCodes.TaskNotFound, GatewayClient.ErrorCode(response));
        Assert.True(response.ToJsonString().Length < 1_000, $"response of {response.ToJsonString().Length} characters");
    }

    [Fact]
    public async Task An_absurdly_long_agent_endpoint_is_refused()
    {
        var response = await _client.SendDataAsync(new JsonObject { ["domain"] = "mock", ["agent_endpoint"] = "http://127.0.0.1:9/" + new string('p', 3000 - 19) });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Equal("agent_endpoint must be at most 2048 characters (got 3000).", (string)response["error"]!["message"]!);
    }

    [Fact]
    public async Task More_task_ids_than_tasks_allowed_are_refused_without_listing_them()
    {
        var ids = new JsonArray(Enumerable.Range(0, 40_000).Select(i => (JsonNode?)$"task-{i}").ToArray());
        var response = await _client.SendDataAsync(new JsonObject { ["domain"] = "mock", ["agent_endpoint"] = "oracle", ["task_ids"] = ids });

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Equal("task_ids may name at most 30 tasks (got 40000).", (string)response["error"]!["message"]!);
    }

    [Fact]
    public async Task A_request_id_too_long_to_be_an_id_is_not_echoed()
    {
        string id = new('i', 10_000);
        var (_, _, text) = await _client.PostAsync($$$"""{"jsonrpc":"2.0","id":"{{{id}}}","method":"tasks/get","params":{"id":"eval-none"}}""");

        var response = JsonNode.Parse(text)!.AsObject();
        Assert.Null(response["id"]);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, GatewayClient.ErrorCode(response));
        Assert.DoesNotContain(id, text);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"message/send"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"tasks/get","params":{"id":"eval-none"}}""")]
    public async Task A_notification_gets_no_reply(string body)
    {
        var (status, _, text) = await _client.PostAsync(body);

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal("", text);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.1","method":"message/send"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"method":"message/send"}""")]
    [InlineData("""{"jsonrpc":"2.0"}""")]
    public async Task A_request_without_a_valid_id_that_is_no_notification_is_an_invalid_request(string body)
    {
        var (status, _, text) = await _client.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, GatewayClient.ErrorCode(JsonNode.Parse(text)!.AsObject()));
    }

    [Theory]
    [InlineData(false, "Task not found: eval-none: unknown id, or lost in a restart of a cluster running on in-memory storage — use the Redis backend to keep evaluations across restarts.")]
    [InlineData(true, "Task not found: eval-none")]
    public async Task An_unknown_task_says_it_may_be_lost_only_when_storage_is_in_memory(bool durable, string message)
    {
        using var gateway = new GatewayFactory();
        gateway.Evaluations.KeepsEvaluationsAcrossRestarts = durable;
        var response = await new GatewayClient(gateway.CreateClient()).CallAsync("tasks/get", new JsonObject { ["id"] = "eval-none" });

        Assert.Equal(JsonRpcErrorCodes.TaskNotFound, GatewayClient.ErrorCode(response));
        Assert.Equal(message, (string)response["error"]!["message"]!);
    }

    [Fact]
    public async Task Tasks_get_while_no_silo_answers_says_the_cluster_is_not_reachable()
    {
        using var gateway = new GatewayFactory();
        gateway.Evaluations.ThrowOnGet = new ClusterUnavailableException(new Orleans.Runtime.Messaging.ConnectionFailedException("refused"));
        var response = await new GatewayClient(gateway.CreateClient()).CallAsync("tasks/get", new JsonObject { ["id"] = "eval-1" });

        Assert.Equal(JsonRpcErrorCodes.InternalError, GatewayClient.ErrorCode(response));
        Assert.StartsWith("The evaluation cluster is not reachable", (string)response["error"]!["message"]!);
    }

    [Fact]
    public void Orleans_connection_failures_count_as_a_lost_cluster()
    {
        Assert.True(ClusterEvaluationService.IsLostConnection(new Orleans.Runtime.Messaging.ConnectionFailedException("refused")));
        Assert.False(ClusterEvaluationService.IsLostConnection(new InvalidOperationException("a bug")));
    }
}
