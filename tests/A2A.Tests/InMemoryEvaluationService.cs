using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Tau2Observe.Gateway;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// An evaluation cluster in memory: evaluations "run" their simulations on a timer (or wait for
/// the test to finish them), publish progress events as the grain does, and end completed, failed
/// or cancelled; as the grain, a failed or cancelled one records every simulation that had not
/// finished as cancelled. Rewards are 1 except for the second task, which scores 0.
/// </summary>
public sealed class InMemoryEvaluationService : IEvaluationService
{
    private readonly ConcurrentDictionary<string, Evaluation> _evaluations = new();

    /// <summary>Time per simulation; null = simulations finish only when the test calls <see cref="Finish"/>.</summary>
    public TimeSpan? TrialDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Error text of the evaluations to fail after their first simulation.</summary>
    public string? FailWith { get; set; }

    /// <summary>How each finished simulation is reported, e.g. with resumptions; unchanged by default.</summary>
    public Func<TrialResult, TrialResult> ReportTrial { get; set; } = trial => trial;

    public Exception? ThrowOnStart { get; set; }

    public Exception? ThrowOnGet { get; set; }

    public bool KeepsEvaluationsAcrossRestarts { get; set; }

    public Exception? ThrowOnList { get; set; }

    public ConcurrentQueue<(string Id, EvaluationRequest Request)> Started { get; } = new();

    /// <summary>The user-model keys the gateway passed, by evaluation id.</summary>
    public ConcurrentDictionary<string, string?> UserApiKeys { get; } = new();

    public int Watchers => _evaluations.Values.Sum(e => e.Watchers.Count);

    public Task<EvaluationSnapshot> StartAsync(string evaluationId, EvaluationRequest request, string? userApiKey, CancellationToken ct)
    {
        UserApiKeys[evaluationId] = userApiKey;
        if (ThrowOnStart is { } e) throw e;
        if (request.TaskIds?.Contains("missing") == true)
            throw new InvalidEvaluationRequestException("Task 'missing' not found in domain 'mock' (split all).");
        var created = false;
        var evaluation = _evaluations.GetOrAdd(evaluationId, id =>
        {
            created = true;
            var taskIds = request.TaskIds ?? Enumerable.Range(0, request.NumTasks ?? 2).Select(i => "task_" + i).ToList();
            return new Evaluation(new EvaluationSnapshot
            {
                EvaluationId = id, Status = EvaluationStatus.Working, Request = request, TaskIds = taskIds,
                TotalTrials = taskIds.Count * request.NumTrials, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
        });
        if (created)
        {
            Started.Enqueue((evaluationId, request));
            if (TrialDuration is { } duration) _ = RunAsync(evaluation, duration);
        }
        return Task.FromResult(evaluation.Snapshot);
    }

    public Task<EvaluationSnapshot?> GetAsync(string evaluationId, CancellationToken ct) =>
        ThrowOnGet is { } failure
            ? Task.FromException<EvaluationSnapshot?>(failure)
            : Task.FromResult(_evaluations.TryGetValue(evaluationId, out var e) ? e.Snapshot : null);

    public Task<EvaluationSnapshot> CancelAsync(string evaluationId, CancellationToken ct)
    {
        var e = _evaluations[evaluationId];
        End(e, EvaluationStatus.Cancelled, null);
        return Task.FromResult(e.Snapshot);
    }

    public async IAsyncEnumerable<ProgressEvent> WatchAsync(string evaluationId, [EnumeratorCancellation] CancellationToken ct)
    {
        var e = _evaluations[evaluationId];
        var channel = Channel.CreateUnbounded<ProgressEvent>();
        lock (e) e.Watchers.Add(channel);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct)) yield return item;
        }
        finally
        {
            lock (e) e.Watchers.Remove(channel);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(int limit, CancellationToken ct) => ThrowOnList is { } e ? throw e :
        Task.FromResult<IReadOnlyList<string>>(_evaluations.Values.Select(e => e.Snapshot)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.EvaluationId, StringComparer.Ordinal).Take(limit).Select(s => s.EvaluationId).ToList());

    /// <summary>A small results file in tau2's shape: one simulation per finished trial, with a short conversation.</summary>
    public Task<string> GetResultsJsonAsync(string evaluationId, CancellationToken ct)
    {
        var s = _evaluations[evaluationId].Snapshot;
        var simulations = new JsonArray(s.Trials.Select(t => (JsonNode?)new JsonObject
        {
            ["id"] = $"{evaluationId}-{t.TaskId}-{t.Trial}", ["task_id"] = t.TaskId, ["trial"] = t.Trial,
            ["termination_reason"] = t.TerminationReason, ["duration"] = t.DurationSeconds,
            ["reward_info"] = new JsonObject { ["reward"] = t.Reward },
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "assistant", ["content"] = "Hi! How can I help you today?", ["turn_idx"] = 0 },
                new JsonObject { ["role"] = "user", ["content"] = $"Please handle {t.TaskId} <b>now</b>.", ["turn_idx"] = 1 },
                new JsonObject
                {
                    ["role"] = "assistant", ["content"] = null, ["turn_idx"] = 2,
                    ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = "call_1", ["name"] = "create_task", ["arguments"] = new JsonObject { ["user_id"] = "user_1", ["title"] = t.TaskId } }),
                },
                new JsonObject { ["role"] = "tool", ["id"] = "call_1", ["content"] = "{\"task_id\": \"task_1\"}", ["turn_idx"] = 3 },
                new JsonObject { ["role"] = "assistant", ["content"] = "Done.", ["turn_idx"] = 4 },
                new JsonObject { ["role"] = "user", ["content"] = "Thanks! ###STOP###", ["turn_idx"] = 5 }),
        }).ToArray());
        var file = new JsonObject
        {
            ["timestamp"] = s.CreatedAt.ToString("O"),
            ["info"] = new JsonObject { ["num_trials"] = s.Request?.NumTrials, ["environment_info"] = new JsonObject { ["domain_name"] = s.Request?.Domain } },
            ["tasks"] = new JsonArray(s.TaskIds.Select(id => (JsonNode?)new JsonObject { ["id"] = id }).ToArray()),
            ["simulations"] = simulations,
        };
        return Task.FromResult(file.ToJsonString());
    }

    /// <summary>Finishes the next simulation of a manually driven evaluation; ends it after the last one.</summary>
    public void Finish(string evaluationId)
    {
        var e = _evaluations[evaluationId];
        CompleteTrial(e, ReportTrial);
        if (e.Snapshot.CompletedTrials == e.Snapshot.TotalTrials) End(e, EvaluationStatus.Completed, null);
    }

    private async Task RunAsync(Evaluation e, TimeSpan duration)
    {
        while (e.Snapshot.CompletedTrials < e.Snapshot.TotalTrials && !e.Snapshot.IsTerminal)
        {
            await Task.Delay(duration);
            CompleteTrial(e, ReportTrial);
            if (FailWith is { } error) { End(e, EvaluationStatus.Failed, error); return; }
        }
        End(e, EvaluationStatus.Completed, null);
    }

    private static void CompleteTrial(Evaluation e, Func<TrialResult, TrialResult> report)
    {
        lock (e)
        {
            var s = e.Snapshot;
            if (s.IsTerminal) return;
            int index = s.CompletedTrials;
            int tasks = s.TaskIds.Count;
            var trial = report(new TrialResult
            {
                TaskId = s.TaskIds[index % tasks], Trial = index / tasks, Reward = index % tasks == 1 ? 0.0 : 1.0,
                TerminationReason = "user_stop", DurationSeconds = 0.5, Turns = 6, DbMatch = index % tasks != 1,
            });
            e.Snapshot = s with { CompletedTrials = index + 1, Trials = [.. s.Trials, trial], UpdatedAt = DateTimeOffset.UtcNow };
            Publish(e, new ProgressEvent { EvaluationId = s.EvaluationId, Status = EvaluationStatus.Working, CompletedTrials = index + 1, TotalTrials = s.TotalTrials, Trial = trial });
        }
    }

    private static void End(Evaluation e, EvaluationStatus status, string? error)
    {
        lock (e)
        {
            var s = e.Snapshot;
            if (s.IsTerminal) return;
            if (status != EvaluationStatus.Completed)
            {
                var unfinished = Enumerable.Range(0, s.Request!.NumTrials)
                    .SelectMany(trial => s.TaskIds.Select(taskId => (TaskId: taskId, Trial: trial)))
                    .Where(k => !s.Trials.Any(t => t.TaskId == k.TaskId && t.Trial == k.Trial))
                    .Select(k => new TrialResult { TaskId = k.TaskId, Trial = k.Trial, TerminationReason = "cancelled", Error = "cancelled before it finished" });
                s = s with { Trials = [.. s.Trials, .. unfinished] };
                s = s with { CompletedTrials = s.Trials.Count };
            }
            // cancelled simulations are not scored
            var rewards = s.Trials.Where(t => t.TerminationReason != "cancelled").Select(t => t.Reward).ToList();
            var summary = new EvaluationSummary
            {
                AvgReward = rewards.Count == 0 ? double.NaN : rewards.Average(),
                PassHatK = new Dictionary<int, double> { [1] = rewards.Count == 0 ? 0 : rewards.Average() },
                Simulations = rewards.Count,
                SuccessfulSimulations = rewards.Count(r => r == 1.0),
                TerminationCounts = s.Trials.GroupBy(t => t.TerminationReason).ToDictionary(g => g.Key, g => g.Count()),
            };
            e.Snapshot = s with { Status = status, Error = error, Summary = summary, UpdatedAt = DateTimeOffset.UtcNow };
            Publish(e, new ProgressEvent { EvaluationId = s.EvaluationId, Status = status, CompletedTrials = s.CompletedTrials, TotalTrials = s.TotalTrials, Summary = summary, Message = error });
            foreach (var w in e.Watchers) w.Writer.TryComplete();
        }
    }

    private static void Publish(Evaluation e, ProgressEvent progress)
    {
        foreach (var w in e.Watchers) w.Writer.TryWrite(progress);
    }

    private sealed class Evaluation(EvaluationSnapshot snapshot)
    {
        public EvaluationSnapshot Snapshot { get; set; } = snapshot;
        public List<Channel<ProgressEvent>> Watchers { get; } = [];
    }
}
