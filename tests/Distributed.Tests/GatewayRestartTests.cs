using System.Text.Json.Nodes;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Distributed.Tests;

[Collection(DistributedCollection.Name)]
public sealed class GatewayRestartTests
{
    private static readonly string[] Tasks = EvaluationChecks.OracleSolvedMockTasks;
    private const int Trials = 2;
    private const int MaxConcurrent = 3;
    private const string DashboardPassword = "dashboard-test-password";

    [RedisFact]
    public async Task A_gateway_restart_mid_run_neither_loses_nor_repeats_the_evaluation_and_the_cluster_bounds_concurrency()
    {
        // the oracle agent is bounded to a few simulations at once across both silos, so the run comes in waves
        await using var cluster = await DistributedCluster.StartAsync(silos: 2, defaultTurnLatencyMs: 300, siloSettings: new Dictionary<string, string>
        {
            ["Tau2Observe__Admission__Rules__0__Resource"] = "agent:oracle",
            ["Tau2Observe__Admission__Rules__0__MaxConcurrentSimulations"] = MaxConcurrent.ToString(),
            ["Tau2Observe__Admission__RetryInterval"] = "00:00:00.200",
            ["Tau2Observe__Dashboard__Password"] = DashboardPassword,
        });
        string messageId = Guid.NewGuid().ToString();
        var request = A2AConnection.Message(messageId, new JsonObject
        {
            ["skill"] = "run_tau2_evaluation", ["domain"] = "mock", ["agent_endpoint"] = "oracle", ["num_trials"] = Trials,
            ["task_ids"] = new JsonArray(Tasks.Select(t => (JsonNode?)t).ToArray()),
        });
        var holders = cluster.Client.GetGrain<IAdmissionGrain>("agent:oracle");
        using var stopSampling = new CancellationTokenSource();
        var mostHolders = SampleMaxAsync(holders.Holders, stopSampling.Token);

        // follow the evaluation on the first gateway until a trial has finished, then kill the gateway
        var first = await cluster.StartGatewayAsync("gateway1");
        string taskId;
        using (var a2a = new A2AConnection(first.BaseUrl))
        {
            await a2a.WaitUntilConnectedAsync(TimeSpan.FromSeconds(60));
            try
            {
                taskId = await FirstTrialFinishedAsync(a2a.StreamAsync("message/stream", request));
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}\ngateway output:\n{first.RecentOutput}", e);
            }
        }
        await first.KillAsync();
        var evaluation = cluster.Client.GetGrain<IEvaluationGrain>(taskId);
        var mostWaiting = SampleMaxAsync(async () => (await evaluation.GetSnapshot()).WaitingTrials, stopSampling.Token);
        var before = await evaluation.GetSnapshot();
        Assert.False(before.IsTerminal, "the evaluation should still be running when the gateway dies");

        // a new gateway: resending the same message finds the same evaluation; resubscribing follows it to the end
        var second = await cluster.StartGatewayAsync("gateway2");
        using (var a2a = new A2AConnection(second.BaseUrl))
        {
            await a2a.WaitUntilConnectedAsync(TimeSpan.FromSeconds(60));
            var resent = await a2a.CallAsync("message/send", WithConfiguration(request, new JsonObject { ["blocking"] = false }));
            Assert.Equal(taskId, (string?)resent["id"]);

            var finishedTrials = new List<(string?, int)>();
            JsonObject? final = null;
            await foreach (var e in a2a.StreamAsync("tasks/resubscribe", new JsonObject { ["id"] = taskId }))
            {
                if (e["metadata"]?["tau2.current_task_id"] is { } trialTask) finishedTrials.Add(((string?)trialTask, (int)e["metadata"]!["tau2.current_trial"]!));
                if ((bool?)e["final"] == true) final = e;
            }
            Assert.Equal("completed", (string?)final?["status"]?["state"]);
            Assert.Equal(finishedTrials.Count, finishedTrials.Distinct().Count());

            var task = await a2a.CallAsync("tasks/get", new JsonObject { ["id"] = taskId });
            Assert.Equal("completed", (string?)task["status"]!["state"]);
            var simulations = task["artifacts"]![0]!["parts"]![1]!["data"]!["simulations"]!.AsArray();
            Assert.Equal(Tasks.Length * Trials, simulations.Count);
            Assert.Equal(simulations.Count, simulations.Select(s => ((string?)s!["task_id"], (int)s["trial"]!)).Distinct().Count());
        }
        await stopSampling.CancelAsync();

        EvaluationChecks.GradedExactlyOnce(await evaluation.GetSnapshot(), await evaluation.GetResultsJson(), Tasks.Length, Trials);
        Assert.Equal([taskId], await cluster.Client.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List());
        Assert.InRange(await mostHolders, 1, MaxConcurrent);
        Assert.True(await mostWaiting > 0, "the evaluation's progress never showed simulations waiting for admission");

        // with a password set, every silo's dashboard asks for it
        using var http = new HttpClient();
        foreach (var (silo, _) in cluster.Silos)
        {
            var dashboard = new Uri(silo.BaseUrl, "/dashboard/");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(dashboard)).StatusCode);
            using var authorized = new HttpRequestMessage(HttpMethod.Get, dashboard);
            authorized.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + DashboardPassword)));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(authorized)).StatusCode);
        }
    }

    private static async Task<string> FirstTrialFinishedAsync(IAsyncEnumerable<JsonObject> events)
    {
        string? taskId = null;
        await foreach (var e in events)
        {
            taskId ??= (string?)e["id"] ?? (string?)e["taskId"];
            if (e["metadata"]?["tau2.current_task_id"] is not null) return taskId!;
            Assert.NotEqual(true, (bool?)e["final"]);
        }
        throw new InvalidOperationException("the stream ended before any trial finished");
    }

    private static JsonObject WithConfiguration(JsonObject parameters, JsonObject configuration)
    {
        var copy = parameters.DeepClone().AsObject();
        copy["configuration"] = configuration;
        return copy;
    }

    /// <summary>The largest value <paramref name="sample"/> returned until <paramref name="stop"/>.</summary>
    private static async Task<int> SampleMaxAsync(Func<Task<int>> sample, CancellationToken stop)
    {
        int max = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                max = Math.Max(max, await sample());
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception)
            {
                // the admission grain moving between silos: sample again
            }
        }
        return max;
    }
}
