using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// The gold run of each task, built once per process. It depends on the domain's pristine data
/// and the task only, never on the trial, so every trial of the task grades against the same one.
/// Keys are the domain and task instances, held weakly. The registry caches domains, and domains
/// and <c>SimulationRunner</c> cache their tasks, so memory is bounded by the tasks of the loaded
/// domains: one set of table copies plus the changed records per task (about 100 KiB for an
/// airline task, 28 KiB for a telecom one; see docs/perf.md). A task parsed anew (a
/// conformance vector, a results file being re-graded) is a new key and is collected with it.
/// </summary>
internal static class GoldRunMemo
{
    private static readonly ConditionalWeakTable<IDomain, ConditionalWeakTable<TauTask, Lazy<GoldRun>>> ByDomain = new();

    /// <summary>
    /// The task's gold run, built by the first caller while concurrent ones wait. A failed setup
    /// is memoized too: it is as deterministic as the run, so each later trial gets the same
    /// <see cref="EvaluationFailedException"/> (Lazy rethrows it) it would have got by building anew.
    /// </summary>
    public static GoldRun Of(IDomain domain, TauTask task) =>
        ByDomain.GetValue(domain, _ => new())
            // GetValue may create two Lazy values in a race, but it publishes one and only that one is ever run
            .GetValue(task, t => new Lazy<GoldRun>(() => Run(domain, t), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;

    /// <summary>The gold environment: the task's initial state, then each gold action; failing ones are remembered.</summary>
    private static GoldRun Run(IDomain domain, TauTask task)
    {
        var gold = domain.CreateEnvironment();
        try
        {
            gold.SetState(task.InitialState, task.InitialState?.MessageHistory);
        }
        catch (EnvironmentStateException e)
        {
            throw new EvaluationFailedException("Setting up the gold environment failed: " + e.Message, e);
        }
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in task.EvaluationCriteria?.Actions ?? [])
        {
            try { gold.MakeToolCall(action.Name, action.Requestor, action.Arguments); }
            catch (ToolCallException) { failed.Add(action.ActionId); /* tau2 logs and ignores failing gold actions; their partial effects stay */ }
        }
        return new GoldRun(gold.AgentTools.Db, gold.UserTools?.Db, failed.ToFrozenSet(StringComparer.Ordinal));
    }
}
