using Orleans.Runtime;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Distributed.Tests;

[Collection(DistributedCollection.Name)]
public sealed class SiloFailureTests
{
    private static readonly string[] Tasks = EvaluationChecks.OracleSolvedMockTasks;
    private const int Trials = 2;
    private const string UserKey = "sk-test-0123456789-must-never-be-stored";

    [RedisFact]
    public async Task Killing_a_silo_mid_run_loses_and_duplicates_nothing_and_its_trials_resume_where_they_were()
    {
        await using var cluster = await DistributedCluster.StartAsync(silos: 2);
        var evaluation = cluster.Client.GetGrain<IEvaluationGrain>("silo-kill-" + Guid.NewGuid().ToString("N"));
        await evaluation.Start(new EvaluationRequest
        {
            Domain = "mock", AgentEndpoint = "oracle", TaskIds = Tasks, NumTrials = Trials, SimulatedTurnLatencyMs = 800,
        }, new UserLlmKey(UserKey));
        var (victim, victimPort) = cluster.Silos[0];
        // the Orleans dashboard runs on every silo
        using (var http = new HttpClient())
        {
            foreach (var (silo, _) in cluster.Silos)
                Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.BaseUrl, "/dashboard/"))).StatusCode);
        }

        // mid-run: the victim hosts trials that are some turns into their conversation
        string seen = "";
        var interrupted = await Polling.UntilAsync(async () =>
        {
            var snapshot = await evaluation.GetSnapshot();
            var onVictim = await TrialsOnSiloAsync(cluster.Client, victimPort);
            seen = $"{snapshot.CompletedTrials}/{snapshot.TotalTrials} trials done, {onVictim.Count} on the first silo";
            var unfinished = onVictim
                .Where(key => key.StartsWith(snapshot.EvaluationId + "/", StringComparison.Ordinal))
                .Where(key => !snapshot.Trials.Any(t => key == GrainKeys.Trial(snapshot.EvaluationId, t.TaskId, t.Trial)))
                .ToList();
            // greeting, the user's request and the agent's first reply at least (a finished run has nothing to resume)
            var running = new List<string>();
            foreach (var key in unfinished)
                if (await cluster.Client.GetGrain<ITrialGrain>(key).GetCheckpointedMessages() >= 3) running.Add(key);
            return running.Count > 0 ? running : null;
        }, TimeSpan.FromSeconds(60), () => "the first silo never hosted a trial in mid-conversation; last seen: " + seen);
        await victim.KillAsync();

        var done = await Polling.UntilAsync(async () => await evaluation.GetSnapshot() is { IsTerminal: true } s ? s : null,
            TimeSpan.FromSeconds(90), () => $"the evaluation did not finish after the kill:\n{cluster.Silos[1].Host.RecentOutput}");

        string results = await Polling.UntilAsync(() => evaluation.GetResultsJson()!, TimeSpan.FromSeconds(30), () => "no results file");
        EvaluationChecks.GradedExactlyOnce(done, results, Tasks.Length, Trials);
        // the trials caught on the dead silo were picked up (by their reminder) from their checkpoint
        foreach (var key in interrupted)
        {
            var trial = done.Trials.Single(t => key == GrainKeys.Trial(done.EvaluationId, t.TaskId, t.Trial));
            Assert.True(trial.Resumptions >= 1, $"trial {key} was on the killed silo but did not resume from a checkpoint");
        }

        // the same client-provided id from the CLI follows the finished evaluation instead of starting another
        var cli = await CliProcess.RunAsync(["evaluate", "--cluster", "redis:" + cluster.Redis.ConnectionString, "--evaluation-id", done.EvaluationId,
            "--domain", "mock", "--agent", "oracle", "--num-trials", Trials.ToString(), "--json", "--task-ids", .. Tasks]);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var summary = System.Text.Json.JsonDocument.Parse(cli.Stdout);
        Assert.Equal(done.EvaluationId, summary.RootElement.GetProperty("evaluation_id").GetString());
        Assert.Equal(done.Trials.Count, summary.RootElement.GetProperty("trials").GetArrayLength());
        Assert.Contains("already exists", cli.Stderr);
        Assert.Equal([done.EvaluationId], await cluster.Client.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List());

        // the key given with the request is in Redis only encrypted
        string stored = await RedisContents.DumpAsync(cluster.Redis.ConnectionString);
        Assert.DoesNotContain(UserKey, stored);
        Assert.Contains("ProtectedSecrets", stored);
    }

    /// <summary>Keys of the TrialGrain activations on the silo listening on <paramref name="siloPort"/>.</summary>
    private static async Task<List<string>> TrialsOnSiloAsync(IClusterClient client, int siloPort)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var silo = hosts.Keys.Single(s => s.Endpoint.Port == siloPort);
        var activations = await management.GetDetailedGrainStatistics(hostsIds: [silo]);
        return activations.Where(a => a.GrainType.Contains("Trial", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.GrainId.Key.ToString()!)
            .ToList();
    }
}
