using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Gateway;

namespace Tau2Observe.A2A.Tests;

public class GatewaySendTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly GatewayClient _client = new(factory.CreateClient());

    [Theory]
    [InlineData("/a2a/tau2_agent/.well-known/agent-card.json")]
    [InlineData("/.well-known/agent-card.json")]
    [InlineData("/a2a/.well-known/agent-card.json")]
    public async Task Agent_card_is_served_where_a2a_clients_look(string path)
    {
        var card = JsonNode.Parse(await _client.Http.GetStringAsync(path))!;
        Assert.Equal("tau2_agent", (string?)card["name"]);
        Assert.Equal("http://localhost/a2a/tau2_agent", (string?)card["url"]);
        Assert.Equal("0.3.0", (string?)card["protocolVersion"]);
        Assert.True((bool)card["capabilities"]!["streaming"]!);
        Assert.Equal(["run-evaluation", "list-domains", "get-results"], card["skills"]!.AsArray().Select(s => (string?)s!["id"]));
    }

    [Fact]
    public async Task The_rpc_path_takes_only_post_and_tolerates_a_trailing_slash()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.Http.GetAsync(GatewayClient.RpcPath)).StatusCode);
        var (status, _, body) = await _client.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"nope"}}""", GatewayClient.RpcPath + "/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(-32001, (int)JsonNode.Parse(body)!["error"]!["code"]!);
    }

    [Fact]
    public async Task A_structured_request_returns_the_finished_task_with_summary_and_data()
    {
        var response = await _client.SendDataAsync(GatewayClient.Evaluation(tasks: 2, trials: 1), "msg-structured");
        var task = GatewayClient.Result(response);

        Assert.Equal("task", (string?)task["kind"]);
        string id = (string)task["id"]!;
        Assert.StartsWith("eval-", id);
        Assert.Equal("completed", (string?)task["status"]!["state"]);
        var parts = task["artifacts"]![0]!["parts"]!.AsArray();
        Assert.Equal("text", (string?)parts[0]!["kind"]);
        Assert.Contains("Average reward 0.500", (string?)parts[0]!["text"]);
        var result = parts[1]!["data"]!;
        Assert.Equal("completed", (string?)result["status"]);
        Assert.Equal(id, (string?)result["evaluation_id"]);
        Assert.Equal(0.5, (double)result["summary"]!["avg_reward"]!);
        Assert.Equal(0.5, (double)result["summary"]!["pass_hat_k"]!["1"]!);
        Assert.Equal(2, result["simulations"]!.AsArray().Count);
        Assert.Equal(100, (int)task["metadata"]!["tau2.progress"]!);

        // ADK-style history: the request, the tool call, its response, the summary
        var history = task["history"]!.AsArray();
        Assert.Equal("user", (string?)history[0]!["role"]);
        Assert.Equal("function_call", (string?)history[1]!["parts"]![0]!["metadata"]!["adk_type"]);
        Assert.Equal("run_tau2_evaluation", (string?)history[1]!["parts"]![0]!["data"]!["name"]);
        Assert.Equal("function_response", (string?)history[2]!["parts"]![0]!["metadata"]!["adk_type"]);

        var started = factory.Evaluations.Started.Single(s => s.Id == id).Request;
        Assert.Equal("msg-structured", started.ClientRequestId);
        Assert.Equal(("mock", "http://127.0.0.1:5101/agents/oracle", 2, 1), (started.Domain, started.AgentEndpoint, started.NumTasks, started.NumTrials));
        Assert.Equal(50, started.MaxSteps);
    }

    [Fact]
    public async Task The_seed_phrasing_is_understood()
    {
        var task = GatewayClient.Result(await _client.SendTextAsync(
            "Run an evaluation on the airline domain for agent at http://127.0.0.1:5101/agents/oracle. Use 5 tasks and 1 trial(s).", "msg-nl"));
        var request = factory.Evaluations.Started.Single(s => s.Id == (string)task["id"]!).Request;
        Assert.Equal("airline", request.Domain);
        Assert.Equal("http://127.0.0.1:5101/agents/oracle", request.AgentEndpoint);
        Assert.Equal(5, request.NumTasks);
        Assert.Equal(1, request.NumTrials);
        Assert.Null(request.TaskIds);
        Assert.Equal("base", request.TaskSplit);
    }

    [Fact]
    public async Task The_simulated_turn_latency_reaches_the_evaluation_and_defaults_to_none()
    {
        var slow = GatewayClient.Evaluation(tasks: 1, trials: 1);
        slow["simulated_turn_latency_ms"] = 1500;
        var withLatency = GatewayClient.Result(await _client.SendDataAsync(slow, "msg-latency"));
        var without = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(tasks: 1, trials: 1), "msg-no-latency"));

        Assert.Equal(1500, factory.Evaluations.Started.Single(s => s.Id == (string)withLatency["id"]!).Request.SimulatedTurnLatencyMs);
        Assert.Equal(0, factory.Evaluations.Started.Single(s => s.Id == (string)without["id"]!).Request.SimulatedTurnLatencyMs);
    }

    [Fact]
    public async Task Resending_a_message_does_not_start_a_second_evaluation()
    {
        var first = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(trials: 2), "msg-resent"));
        var again = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(trials: 2), "msg-resent"));
        var other = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(trials: 3), "msg-resent"));

        Assert.Equal((string?)first["id"], (string?)again["id"]);
        Assert.NotEqual((string?)first["id"], (string?)other["id"]);
        Assert.Single(factory.Evaluations.Started, s => s.Id == (string)first["id"]!);
    }

    [Fact]
    public async Task Oracle_means_the_built_in_oracle()
    {
        var task = GatewayClient.Result(await _client.SendTextAsync("Evaluate the oracle agent on the mock domain with 3 tasks"));
        var request = factory.Evaluations.Started.Single(s => s.Id == (string)task["id"]!).Request;
        Assert.Equal(EvaluationParameters.OracleEndpoint, request.AgentEndpoint);
        Assert.Equal(3, request.NumTasks);
    }

    [Theory]
    [InlineData("List available domains")]
    [InlineData("What domains can you evaluate?")]
    public async Task Domains_are_listed_for_text_requests(string text)
    {
        var task = GatewayClient.Result(await _client.SendTextAsync(text));
        Assert.Equal("completed", (string?)task["status"]!["state"]);
        var domains = task["artifacts"]![0]!["parts"]![1]!["data"]!["domains"]!.AsArray();
        Assert.Equal(["airline", "mock", "retail", "telecom"], domains.Select(d => (string?)d!["name"]));
        Assert.Equal(9, (int)domains[1]!["num_tasks"]!);
        Assert.Null(domains[0]!["num_tasks"]);
    }

    [Fact]
    public async Task Domains_are_listed_for_a_data_request_and_the_task_can_be_fetched_again()
    {
        var task = GatewayClient.Result(await _client.SendDataAsync(new JsonObject { ["skill"] = "list_domains" }));
        var again = GatewayClient.Result(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = task["id"]!.DeepClone() }));
        Assert.Equal(task["artifacts"]!.ToJsonString(), again["artifacts"]!.ToJsonString());

        var cancel = await _client.CallAsync("tasks/cancel", new JsonObject { ["id"] = task["id"]!.DeepClone() });
        Assert.Equal(-32002, GatewayClient.ErrorCode(cancel));
    }

    [Fact]
    public async Task Unrelated_text_gets_help()
    {
        var task = GatewayClient.Result(await _client.SendTextAsync("hello there"));
        Assert.Equal(ImmediateReplies.HelpText, (string?)task["status"]!["message"]!["parts"]![0]!["text"]);
    }

    [Fact]
    public async Task Results_of_an_evaluation_can_be_asked_for_by_id()
    {
        var evaluation = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation()));
        string id = (string)evaluation["id"]!;

        var byText = GatewayClient.Result(await _client.SendTextAsync($"Get the results of {id}."));
        Assert.Equal(id, (string?)byText["artifacts"]![0]!["parts"]![1]!["data"]!["evaluation_id"]);
        var byData = GatewayClient.Result(await _client.SendDataAsync(new JsonObject { ["skill"] = "get_evaluation_results", ["evaluation_id"] = id }));
        Assert.Equal(0.5, (double)byData["artifacts"]![0]!["parts"]![1]!["data"]!["summary"]!["avg_reward"]!);

        var file = JsonNode.Parse(await _client.Http.GetStringAsync($"/api/evaluations/{id}/results"))!;
        Assert.Equal(2, file["simulations"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/api/evaluations/eval-unknown/results")).StatusCode);
    }

    [Fact]
    public async Task Tasks_of_finished_evaluations_cannot_be_cancelled_and_unknown_ones_are_not_found()
    {
        var task = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation()));
        Assert.Equal(-32002, GatewayClient.ErrorCode(await _client.CallAsync("tasks/cancel", new JsonObject { ["id"] = task["id"]!.DeepClone() })));
        Assert.Equal(-32001, GatewayClient.ErrorCode(await _client.CallAsync("tasks/cancel", new JsonObject { ["id"] = "eval-nope" })));
        Assert.Equal(-32001, GatewayClient.ErrorCode(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = "eval-nope" })));
    }

    [Fact]
    public async Task The_context_id_of_the_request_is_kept()
    {
        var parameters = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation() });
        parameters["message"]!["contextId"] = "ctx-42";
        var task = GatewayClient.Result(await _client.CallAsync("message/send", parameters));
        Assert.Equal("ctx-42", (string?)task["contextId"]);
        var again = GatewayClient.Result(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = task["id"]!.DeepClone() }));
        Assert.Equal("ctx-42", (string?)again["contextId"]);
    }

    [Fact]
    public void Without_clustering_no_orleans_client_is_started()
    {
        Assert.Null(factory.Services.GetService<IClusterClient>());
        Assert.Same(factory.Evaluations, factory.Services.GetRequiredService<IEvaluationService>());
    }
}
