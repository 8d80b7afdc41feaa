using System.Collections.Concurrent;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Running;

/// <summary>
/// Assembles and runs one simulation end to end (tau2-engine §8.3): fresh environment, agent and
/// user, orchestrator (fresh or resumed from a checkpoint), then grading with type <c>all</c>.
/// </summary>
public sealed class SimulationRunner(DomainRegistry domains, INlAssertionJudge? judge = null)
{
    private readonly ConcurrentDictionary<(string, string?, string?), IReadOnlyDictionary<string, TauTask>> _tasks = new();
    private readonly ConcurrentDictionary<string, (string Agent, string User)> _toolSchemas = new(StringComparer.Ordinal);

    public DomainRegistry Domains => domains;

    public TauTask FindTask(string domain, string taskId, string? split = "base", string? taskSet = null)
    {
        var byId = _tasks.GetOrAdd((domain, split, taskSet), key =>
            domains.Get(key.Item1).LoadTasks(key.Item2, key.Item3).ToDictionary(t => t.Id, StringComparer.Ordinal));
        return byId.TryGetValue(taskId, out var task)
            ? task
            : throw new ArgumentException($"Task '{taskId}' not found in domain '{domain}' (split {split ?? "all"}).");
    }

    public AgentContext CreateContext(TrialSpec spec, DomainEnvironment env, TauTask task)
    {
        // the schemas are the same for every trial of a domain: parse them once
        var (agentTools, userTools) = _toolSchemas.GetOrAdd(spec.Domain, name =>
        {
            var schemas = PyJson.Parse(domains.Get(name).ToolSchemasJson()) as PyDict;
            string Tools(string key) => PyJson.Dumps(schemas?.GetOrDefault(key) ?? new List<object?>());
            return (Tools("agent_tools"), Tools("user_tools"));
        });
        return new AgentContext(spec.Domain, task, env, agentTools, userTools, spec.Seed);
    }

    public async Task<SimulationRun> RunAsync(
        TrialSpec spec,
        IParticipantFactory participants,
        SimulationCheckpoint? resumeFrom = null,
        Func<SimulationCheckpoint, CancellationToken, Task>? onCheckpoint = null,
        CancellationToken ct = default)
    {
        using var span = Spans.Start(SpanNames.Trial, $"{spec.Domain}/{spec.TaskId}", parentTraceParent: spec.TraceParent);
        span?.SetTag("tau2.domain", spec.Domain);
        span?.SetTag("tau2.task_id", spec.TaskId);
        span?.SetTag("tau2.trial", spec.Trial);
        span?.SetTag("tau2.resumed", resumeFrom is not null);
        var domain = domains.Get(spec.Domain);
        var task = FindTask(spec.Domain, spec.TaskId, spec.TaskSplit, spec.TaskSet);
        var env = domain.CreateEnvironment(spec.SoloMode);
        var context = CreateContext(spec, env, task);
        var orchestrator = new Orchestrator(task, env, participants.CreateAgent(context), participants.CreateUser(context),
            new OrchestratorOptions(spec.MaxSteps, spec.MaxErrors, spec.Seed, spec.SoloMode))
        {
            OnCheckpoint = onCheckpoint,
        };
        var run = resumeFrom is null ? await orchestrator.RunAsync(ct) : await orchestrator.ResumeAsync(resumeFrom, ct);
        run.Trial = spec.Trial;
        run.TraceContext = span?.Context ?? default;
        await GradeAsync(run, task, domain, spec.SoloMode, ct, spec.Grading);
        span?.SetTag("tau2.termination_reason", run.TerminationReason);
        span?.SetTag("tau2.reward", run.RewardInfo?.Reward);
        if (run.Error is not null) span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, run.Error);
        return run;
    }

    /// <summary>Grades a run in place. A run that cannot be graded scores 0 with the reason in <c>info</c> (tau2 would abort the batch).</summary>
    public async Task GradeAsync(SimulationRun run, TauTask task, IDomain domain, bool soloMode, CancellationToken ct, GradingOptions? grading = null)
    {
        using var span = Spans.Start(SpanNames.Grading, task.Id);
        try
        {
            run.RewardInfo = await new Evaluator(domain, judge, grading).EvaluateAsync(run, task, EvaluationType.All, soloMode, ct);
        }
        catch (EvaluationFailedException e)
        {
            run.RewardInfo = new RewardInfo { Reward = 0.0, Info = new PyDict { ["note"] = "Evaluation failed: " + e.Message } };
            run.Error ??= "evaluation failed: " + e.Message;
        }
    }
}
