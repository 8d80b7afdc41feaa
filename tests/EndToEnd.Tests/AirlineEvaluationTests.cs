using System.Text.Json.Nodes;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// The walking skeleton: an airline evaluation requested over A2A from the gateway, run by the silo
/// against the oracle agent of the MockAgents host, streamed back as SSE — and the same numbers as
/// <c>tau2obs evaluate</c> gives for the same evaluation; and one cancelled on its way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AirlineEvaluationTests(LoopbackCluster cluster)
{
    private const int Tasks = 5;

    [Fact]
    public async Task Structured_request_streams_progress_and_completes_with_the_CLI_numbers()
    {
        var stream = await EvaluationStreamResult.ReadAsync(cluster,
            A2ARequests.Rpc("message/stream", A2ARequests.Data(A2ARequests.Evaluation("airline", cluster.OracleAgentUrl, Tasks))));

        await AssertCompletedLikeTheCliAsync(stream);
    }

    [Fact]
    public async Task Natural_language_request_streams_progress_and_completes_with_the_CLI_numbers()
    {
        var text = $"Run an evaluation on the airline domain for agent at {cluster.OracleAgentUrl}. Use {Tasks} tasks and 1 trial(s).";

        var stream = await EvaluationStreamResult.ReadAsync(cluster, A2ARequests.Rpc("message/stream", A2ARequests.Text(text)));

        await AssertCompletedLikeTheCliAsync(stream);
    }

    [Fact]
    public async Task A_finished_evaluation_can_be_fetched_with_tasks_get_in_its_context_and_its_results_file_downloaded()
    {
        var message = A2ARequests.Data(A2ARequests.Evaluation("airline", cluster.OracleAgentUrl, 2));
        var stream = await EvaluationStreamResult.ReadAsync(cluster, A2ARequests.Rpc("message/stream", message.DeepClone()));
        string id = (string)stream.Final["taskId"]!;
        string context = (string)stream.Final["contextId"]!;
        Assert.All(stream.Results, r => Assert.Equal(context, (string?)r["contextId"]));

        var task = await cluster.CallAsync(A2ARequests.Rpc("tasks/get", new JsonObject { ["id"] = id }));
        Assert.Equal("completed", (string?)task["result"]?["status"]?["state"]);
        Assert.Equal(context, (string?)task["result"]?["contextId"]);
        // the same message again (no contextId in it): the same task, in the same context, kept by the evaluation grain
        var resent = await cluster.CallAsync(A2ARequests.Rpc("message/send", message.DeepClone()));
        Assert.Equal(id, (string?)resent["result"]?["id"]);
        Assert.Equal(context, (string?)resent["result"]?["contextId"]);

        var results = JsonNode.Parse(await cluster.Http.GetStringAsync($"{cluster.GatewayUrl}/api/evaluations/{id}/results"))!;
        Assert.Equal(2, results["simulations"]!.AsArray().Count);
        Assert.All(results["simulations"]!.AsArray(), s => Assert.Equal(1.0, (double)s!["reward_info"]!["reward"]!));
    }

    [Fact]
    public async Task A_cancelled_evaluation_counts_its_cancelled_simulations_apart_and_ListTasks_finds_it()
    {
        // the built-in participants wait a second per message: the evaluation is still running when it is cancelled
        var evaluation = A2ARequests.Evaluation("airline", "oracle", 3);
        evaluation["simulated_turn_latency_ms"] = 1000;
        var message = A2ARequests.Data(evaluation);
        message["configuration"] = new JsonObject { ["blocking"] = false };
        string id = (string)(await cluster.CallAsync(A2ARequests.Rpc("message/send", message)))["result"]!["id"]!;

        var cancelled = (await cluster.CallAsync(A2ARequests.Rpc("tasks/cancel", new JsonObject { ["id"] = id })))["result"]!;
        Assert.Equal("canceled", (string?)cancelled["status"]!["state"]);
        var simulations = cancelled["artifacts"]![0]!["parts"]![1]!["data"]!["simulations"]!.AsArray();
        int finished = simulations.Count(x => (string?)x!["termination_reason"] != "cancelled");
        Assert.True(finished < 3, simulations.ToJsonString());
        var metadata = cancelled["metadata"]!;
        Assert.Equal((finished, 3 - finished, 3),
            ((int)metadata["tau2.completed_simulations"]!, (int)metadata["tau2.cancelled_simulations"]!, (int)metadata["tau2.total_simulations"]!));

        var row = JsonNode.Parse(await cluster.Http.GetStringAsync($"{cluster.GatewayUrl}/api/evaluations"))!["evaluations"]!.AsArray()
            .Single(e => (string?)e!["evaluation_id"] == id)!;
        Assert.Equal((finished, 3 - finished), ((int)row["completed_simulations"]!, (int)row["cancelled_simulations"]!));
        Assert.Equal(0, (int)row["total_resumptions"]!);

        // A2A 1.0 (taken from the method name): the task, in the context named after it, among the cancelled ones
        var listed = (await cluster.CallAsync(A2ARequests.Rpc("ListTasks", new JsonObject { ["contextId"] = id, ["status"] = "TASK_STATE_CANCELED" })))["result"]!;
        var task = Assert.Single(listed["tasks"]!.AsArray())!;
        Assert.Equal((id, "TASK_STATE_CANCELED"), ((string?)task["id"], (string?)task["status"]!["state"]));
        Assert.Equal(3 - finished, (int)task["metadata"]!["tau2.cancelled_simulations"]!);
    }

    [Fact]
    public async Task Credentials_in_the_agent_url_reach_the_agent_but_no_reply_result_or_log()
    {
        const string password = "pw-e2e-5150", queryKey = "qk-e2e-5151";
        string agent = new UriBuilder(cluster.OracleAgentUrl) { UserName = "e2e-user", Password = password, Query = "api_key=" + queryKey }.Uri.ToString();

        var stream = await EvaluationStreamResult.ReadAsync(cluster, A2ARequests.Rpc("message/stream", A2ARequests.Data(A2ARequests.Evaluation("airline", agent, 1))));

        Assert.Equal("completed", (string?)stream.Final["status"]!["state"]);
        Assert.Equal(1.0, (double)stream.ResultDocument["summary"]!["avg_reward"]!); // the agent was reached with the whole URL
        Assert.Equal(cluster.OracleAgentUrl, (string?)stream.ResultDocument["agent_endpoint"]);
        string id = (string)stream.Final["taskId"]!;
        string[] seen =
        [
            // the first event is the task with the caller's own message in its history, echoed to the caller
            string.Join("\n", stream.Results.Skip(1).Select(r => r.ToJsonString())),
            (await cluster.CallAsync(A2ARequests.Rpc("tasks/get", new JsonObject { ["id"] = id, ["historyLength"] = 100 }))).ToJsonString(),
            await cluster.Http.GetStringAsync($"{cluster.GatewayUrl}/api/evaluations"),
            await cluster.Http.GetStringAsync($"{cluster.GatewayUrl}/api/evaluations/{id}"),
            await cluster.Http.GetStringAsync($"{cluster.GatewayUrl}/api/evaluations/{id}/results"),
            cluster.Logs,
        ];
        Assert.All(seen, text =>
        {
            Assert.DoesNotContain(password, text);
            Assert.DoesNotContain(queryKey, text);
        });
    }

    private async Task AssertCompletedLikeTheCliAsync(EvaluationStreamResult stream)
    {
        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.DoesNotContain(stream.Events, e => e["error"] is not null);
        Assert.Equal("task", (string?)stream.Results.First()["kind"]);

        // one progress event per simulation, counting up to the total
        Assert.Equal(Enumerable.Range(1, Tasks), stream.Progress.Select(p => (int)p["metadata"]!["tau2.completed_simulations"]!));
        Assert.All(stream.Progress, p => Assert.Equal(Tasks, (int)p["metadata"]!["tau2.total_simulations"]!));

        var final = stream.Final;
        Assert.True((bool)final["final"]!, stream.ToString());
        Assert.Equal("completed", (string?)final["status"]!["state"]);

        var result = stream.ResultDocument;
        Assert.Equal("completed", (string?)result["status"]);
        Assert.Equal(1.0, (double)result["summary"]!["avg_reward"]!);
        Assert.Equal(1.0, (double)result["summary"]!["pass_hat_k"]!["1"]!);

        var cli = await CliProcess.EvaluateJsonAsync("--domain", "airline", "--agent", "oracle", "--num-tasks", Tasks.ToString());
        Assert.Equal((double)cli["avg_reward"]!, (double)result["summary"]!["avg_reward"]!);
        Assert.Equal(PerTask(cli["trials"]!.AsArray()), PerTask(result["simulations"]!.AsArray()));
        // the progress events announced the same simulations
        Assert.Equal(PerTask(cli["trials"]!.AsArray()).Select(t => t.TaskId).Order(StringComparer.Ordinal),
            stream.Progress.Select(p => (string)p["metadata"]!["tau2.current_task_id"]!).Order(StringComparer.Ordinal));
    }

    private static List<(string TaskId, int Trial, double Reward, string Termination, long Seed)> PerTask(JsonArray trials) =>
        trials.Select(t => ((string)t!["task_id"]!, (int)t["trial"]!, (double)t["reward"]!, (string)t["termination_reason"]!, (long)t["seed"]!))
            .OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2)
            .ToList();
}
