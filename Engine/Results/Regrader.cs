using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Results;

/// <summary>
/// Re-grades a stored results file the way <c>tau2 evaluate-trajs</c> does (tau2-engine §6.8):
/// every simulation is evaluated again with type <c>all</c> against the task stored in the file's
/// <c>tasks</c>, on the domain named by <c>info.environment_info.domain_name</c>, in solo mode when
/// the file's agent and user say so; then tau2's metrics are computed over the new rewards.
/// Unlike tau2, a simulation that cannot be graded (replay mismatch, unknown task, no NL judge...)
/// does not abort the whole file: it scores 0 with the reason in <c>info</c> and is reported.
/// </summary>
public sealed class Regrader(DomainRegistry domains, INlAssertionJudge? judge = null, GradingOptions? options = null)
{
    private readonly GradingOptions _options = options ?? GradingOptions.Tau2;

    public async Task<RegradeReport> RegradeAsync(ResultsDocument document, CancellationToken ct = default)
    {
        var domain = domains.Get(document.Domain);
        var evaluator = new Evaluator(domain, judge, _options);
        var tasks = new Dictionary<string, TauTask>(StringComparer.Ordinal);
        foreach (var task in document.Tasks) tasks.TryAdd(task.Id, task);

        var regradedRuns = new List<object?>();
        var outcomes = new List<RegradedSimulation>();
        for (int i = 0; i < document.Simulations.Count; i++)
        {
            var stored = document.Simulations[i];
            var (rewardInfo, outcome) = await RegradeOneAsync(stored, i, tasks, evaluator, document.SoloMode, ct);
            var updated = new PyDict(stored) { ["reward_info"] = rewardInfo.ToPy() };
            regradedRuns.Add(updated);
            outcomes.Add(outcome);
        }

        var metrics = PassHatK.Compute(
            outcomes.Select(o => new SimulationOutcome(o.TaskId, o.Trial, o.Reward, o.AgentCost, o.TerminationReason)),
            document.NumTrials,
            _options.CountInfrastructureErrorsAsFailures);
        var regraded = new PyDict(document.Root) { ["simulations"] = regradedRuns };
        return new RegradeReport(domain.Name, outcomes, metrics, regraded);
    }

    private static async Task<(RewardInfo, RegradedSimulation)> RegradeOneAsync(
        PyDict stored, int index, Dictionary<string, TauTask> tasks, Evaluator evaluator, bool soloMode, CancellationToken ct)
    {
        string taskId = stored.GetOrDefault("task_id") as string ?? $"(simulation {index})";
        string termination = stored.GetOrDefault("termination_reason") as string ?? "";
        int trial = stored.GetOrDefault("trial") is long t ? (int)t : 0;
        double? storedReward = (stored.GetOrDefault("reward_info") as PyDict)?.GetOrDefault("reward") is { } r && PyValue.IsNumber(r) ? PyValue.ToDouble(r) : null;
        double? agentCost = stored.GetOrDefault("agent_cost") is { } c && PyValue.IsNumber(c) ? PyValue.ToDouble(c) : null;
        try
        {
            var run = SimulationRun.FromPy(stored);
            if (!tasks.TryGetValue(run.TaskId, out var task))
                throw new EvaluationFailedException($"task '{run.TaskId}' is not among the file's tasks");
            var info = await evaluator.EvaluateAsync(run, task, EvaluationType.All, soloMode, ct);
            return (info, new RegradedSimulation(taskId, trial, termination, storedReward, info.Reward, agentCost, null));
        }
        catch (Exception e) when (e is EvaluationFailedException or FormatException or InvalidCastException or NotSupportedException or ArgumentException)
        {
            var why = e is EvaluationFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            var failed = new RewardInfo { Reward = 0.0, Info = new PyDict { ["note"] = "Evaluation failed: " + why } };
            return (failed, new RegradedSimulation(taskId, trial, termination, storedReward, 0.0, agentCost, why));
        }
    }
}
