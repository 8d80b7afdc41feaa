using System.Text.Json;
using Orleans.Core.Internal;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EvaluationGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Oracle_evaluation_of_two_tasks_and_two_trials_completes_with_full_marks()
    {
        var grain = _grains.NewGrain("complete");
        var started = await grain.Start(Evaluations.Toy());
        Assert.Equal(EvaluationStatus.Working, started.Status);
        Assert.Equal(["inc_a", "inc_b_twice"], started.TaskIds);
        Assert.Equal(4, started.TotalTrials);

        var done = await grain.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Completed, done.Status);
        var summary = done.Summary!;
        Assert.Equal(1.0, summary.AvgReward);
        Assert.Equal(new Dictionary<int, double> { [1] = 1.0, [2] = 1.0 }, summary.PassHatK);
        Assert.Equal(4, summary.Simulations);
        Assert.Equal(4, summary.SuccessfulSimulations);
        Assert.Equal(0, summary.InfrastructureErrors);
        Assert.Equal(new Dictionary<string, int> { ["user_stop"] = 4 }, summary.TerminationCounts);
        Assert.Equal(0.0, summary.AvgAgentCost);

        var seeds = PythonRandom.TrialSeeds(300, 2);
        Assert.Equal(
            [("inc_a", 0, seeds[0]), ("inc_b_twice", 0, seeds[0]), ("inc_a", 1, seeds[1]), ("inc_b_twice", 1, seeds[1])],
            done.Trials.Select(t => (t.TaskId, t.Trial, t.Seed!.Value)));
        Assert.All(done.Trials, t => Assert.True(t.DbMatch));
    }

    [Fact]
    public async Task Summary_counts_pass_hat_k_per_task_when_one_trial_of_each_task_fails()
    {
        var firstSeed = PythonRandom.TrialSeeds(300, 2)[0];
        var grain = _grains.NewGrain("mixed");
        await grain.Start(Evaluations.Toy(agent: $"test:sabotage-seed:{firstSeed}"));

        var done = await grain.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal(0.5, done.Summary!.AvgReward);
        Assert.Equal(new Dictionary<int, double> { [1] = 0.5, [2] = 0.0 }, done.Summary.PassHatK);
        Assert.Equal(2, done.Summary.SuccessfulSimulations);
        Assert.All(done.Trials.Where(t => t.Trial == 0), t => Assert.Equal(0.0, t.Reward));
        Assert.All(done.Trials.Where(t => t.Trial == 1), t => Assert.Equal(1.0, t.Reward));
    }

    [Fact]
    public async Task Completed_state_survives_reactivation()
    {
        var grain = _grains.NewGrain("reactivate");
        await grain.Start(Evaluations.Toy(numTrials: 1));
        var before = await grain.WaitForTerminalAsync();

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await grain.GetSnapshot();

        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Summary!.PassHatK, after.Summary!.PassHatK);
        Assert.Equal(before.Summary.TerminationCounts, after.Summary.TerminationCounts);
        Assert.Equal(before.Trials, after.Trials);
    }

    [Fact]
    public async Task Watch_yields_one_event_per_trial_then_a_final_event_with_the_summary()
    {
        var grain = _grains.NewGrain("watch");
        await grain.Start(Evaluations.Toy(numTrials: 1, turnLatencyMs: 200));

        var events = new List<ProgressEvent>();
        using var timeout = new CancellationTokenSource(Evaluations.Timeout);
        await foreach (var e in grain.Watch(timeout.Token)) events.Add(e);

        var trialEvents = events.Where(e => e.Trial is not null).ToList();
        Assert.Equal(["inc_a", "inc_b_twice"], trialEvents.Select(e => e.Trial!.TaskId).Order());
        Assert.Equal([1, 2], trialEvents.Select(e => e.CompletedTrials));
        var last = events[^1];
        Assert.Equal(EvaluationStatus.Completed, last.Status);
        Assert.Equal(2, last.CompletedTrials);
        Assert.Equal(1.0, last.Summary!.AvgReward);
    }

    [Fact]
    public async Task Watch_on_a_finished_evaluation_yields_its_final_event_at_once()
    {
        var grain = _grains.NewGrain("watch-done");
        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));
        await grain.WaitForTerminalAsync();

        var events = new List<ProgressEvent>();
        await foreach (var e in grain.Watch()) events.Add(e);

        var only = Assert.Single(events);
        Assert.Equal(EvaluationStatus.Completed, only.Status);
        Assert.NotNull(only.Summary);
    }

    [Fact]
    public async Task Cancel_stops_running_trials_and_records_them_as_cancelled()
    {
        var grain = _grains.NewGrain("cancel");
        await grain.Start(Evaluations.Toy(turnLatencyMs: 60_000));

        var cancelled = await grain.Cancel();

        Assert.Equal(EvaluationStatus.Cancelled, cancelled.Status);
        Assert.Equal(4, cancelled.CompletedTrials);
        Assert.All(cancelled.Trials, t => Assert.Equal(TerminationReason.Cancelled, t.TerminationReason));
        Assert.Equal(4, cancelled.Summary!.InfrastructureErrors);
        Assert.Equal(0, cancelled.Summary.Simulations);
        Assert.Equal(EvaluationStatus.Cancelled, (await grain.Cancel()).Status);

        // the trials themselves stop promptly (well within their 60 s turn) and store cancelled runs
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<string> reasons;
        do
        {
            await Task.Delay(50);
            using var results = JsonDocument.Parse(await grain.GetResultsJson());
            reasons = results.RootElement.GetProperty("simulations").EnumerateArray()
                .Select(s => s.GetProperty("termination_reason").GetString()!).ToList();
        } while (reasons.Count < 4 && DateTime.UtcNow < deadline);
        Assert.Equal(Enumerable.Repeat("cancelled", 4), reasons);
    }

    [Fact]
    public async Task Start_is_idempotent()
    {
        var grain = _grains.NewGrain("idempotent");
        var first = await grain.Start(Evaluations.Toy(numTrials: 1));
        var second = await grain.Start(Evaluations.Toy(numTrials: 3));

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(2, second.TotalTrials);
        Assert.Equal(1, second.Request!.NumTrials);
        Assert.Equal(2, (await grain.WaitForTerminalAsync()).Trials.Count);
    }

    [Fact]
    public async Task Unknown_domain_is_rejected_with_the_known_domains()
    {
        var grain = _grains.NewGrain("bad-domain");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => grain.Start(Evaluations.Toy() with { Domain = "nope" }));

        Assert.Contains("Unknown domain 'nope'", e.Message);
        Assert.Contains(ToyDomain.DomainName, e.Message);
        Assert.Null((await grain.GetSnapshot()).Request);
    }

    [Fact]
    public async Task Unknown_task_ids_are_rejected_with_the_missing_ids()
    {
        var grain = _grains.NewGrain("bad-tasks");

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.Start(Evaluations.Toy() with { TaskIds = ["inc_a", "missing_1", "missing_2"] }));

        Assert.Contains("missing_1, missing_2", e.Message);
        Assert.DoesNotContain("inc_a", e.Message);
    }

    [Theory]
    [InlineData(0, 200, 10, "num_trials")]
    [InlineData(1, 0, 10, "max_steps")]
    [InlineData(1, 200, 0, "max_errors")]
    public async Task Non_positive_limits_are_rejected(int trials, int maxSteps, int maxErrors, string name)
    {
        var grain = _grains.NewGrain("bad-limits");

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.Start(Evaluations.Toy() with { NumTrials = trials, MaxSteps = maxSteps, MaxErrors = maxErrors }));

        Assert.Contains(name, e.Message);
    }

    [Fact]
    public async Task Task_ids_filter_keeps_task_file_order_before_num_tasks()
    {
        var grain = _grains.NewGrain("filter");

        var started = await grain.Start(Evaluations.Toy(numTasks: 2, numTrials: 1) with { TaskIds = ["tell_a", "inc_a", "inc_b_twice"] });

        Assert.Equal(["inc_a", "inc_b_twice"], started.TaskIds);
        Assert.Equal(EvaluationStatus.Completed, (await grain.WaitForTerminalAsync()).Status);
    }

    [Theory]
    [InlineData("test:throw", "infrastructure_error", "agent exploded")]
    [InlineData("test:participant-error", "agent_error", "agent unreachable")]
    [InlineData("ftp://127.0.0.1/a2a", "infrastructure_error", "not supported")]
    [InlineData("http://127.0.0.1:9/a2a", "agent_error", "Could not reach")]
    public async Task Failing_agents_fail_their_simulations_not_the_evaluation(string agent, string reason, string error)
    {
        var grain = _grains.NewGrain("failing");
        await grain.Start(Evaluations.Toy(agent: agent));

        var done = await grain.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal(new Dictionary<string, int> { [reason] = 4 }, done.Summary!.TerminationCounts);
        Assert.All(done.Trials, t => Assert.Contains(error, t.Error));
        Assert.All(done.Trials, t => Assert.Equal(0.0, t.Reward));
        bool infrastructure = reason == "infrastructure_error";
        Assert.Equal(infrastructure ? 4 : 0, done.Summary.InfrastructureErrors);
        Assert.Equal(infrastructure ? 0 : 4, done.Summary.Simulations);

        // an average over no scored simulation (NaN) survives storage too
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var reloaded = await grain.GetSnapshot();
        Assert.Equal(done.Summary.AvgReward, reloaded.Summary!.AvgReward);
        Assert.Equal(done.Trials, reloaded.Trials);
    }

    [Fact]
    public async Task Results_json_has_the_tau2_results_file_shape_with_simulations_trial_major()
    {
        var grain = _grains.NewGrain("results");
        await grain.Start(Evaluations.Toy());
        await grain.WaitForTerminalAsync();

        using var doc = JsonDocument.Parse(await grain.GetResultsJson());
        var root = doc.RootElement;

        Assert.Equal(["timestamp", "info", "tasks", "simulations"], root.EnumerateObject().Select(p => p.Name));
        var info = root.GetProperty("info");
        Assert.Equal(
            ["git_commit", "num_trials", "max_steps", "max_errors", "user_info", "agent_info", "environment_info", "seed"],
            info.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, info.GetProperty("num_trials").GetInt32());
        Assert.Equal(200, info.GetProperty("max_steps").GetInt32());
        Assert.Equal(300, info.GetProperty("seed").GetInt64());
        var environment = info.GetProperty("environment_info");
        Assert.Equal(ToyDomain.DomainName, environment.GetProperty("domain_name").GetString());
        Assert.Equal(ToyDomain.Policy, environment.GetProperty("policy").GetString());
        Assert.Equal(JsonValueKind.Null, environment.GetProperty("tool_defs").ValueKind);
        Assert.Equal(["inc_a", "inc_b_twice"], root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var simulations = root.GetProperty("simulations").EnumerateArray().ToList();
        Assert.Equal(
            [("inc_a", 0), ("inc_b_twice", 0), ("inc_a", 1), ("inc_b_twice", 1)],
            simulations.Select(s => (s.GetProperty("task_id").GetString(), s.GetProperty("trial").GetInt32())));
        Assert.All(simulations, s =>
        {
            Assert.Equal(1.0, s.GetProperty("reward_info").GetProperty("reward").GetDouble());
            Assert.Equal("user_stop", s.GetProperty("termination_reason").GetString());
            Assert.True(s.GetProperty("messages").GetArrayLength() >= 4);
        });
    }

    [Fact]
    public async Task Started_evaluations_are_listed_in_the_directory()
    {
        var grain = _grains.NewGrain("listed");
        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));

        var listed = await _grains.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List(1000);

        Assert.Contains(grain.GetPrimaryKeyString(), listed);
    }
}
