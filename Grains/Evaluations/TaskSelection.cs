using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Evaluations;

/// <summary>
/// tau2's batch task selection (tau2-engine §8.1): split (in solo mode, only solo-eligible tasks),
/// then the id filter, then the first N, in task-file order.
/// </summary>
public static class TaskSelection
{
    public static IReadOnlyList<TauTask> Select(IDomain domain, EvaluationRequest request)
    {
        IEnumerable<TauTask> tasks = domain.LoadTasks(request.TaskSplit, request.TaskSet);
        if (request.SoloMode)
        {
            try
            {
                domain.CreateEnvironment(soloMode: true);
            }
            catch (NotSupportedException e)
            {
                throw new ArgumentException($"{e.Message}: solo mode exists only for domains that support it (mock, telecom, telecom-workflow).");
            }
            tasks = tasks.Where(SoloEligibility.IsEligible); // tau2's runner drops the others
        }
        if (request.TaskIds is { Count: > 0 } ids)
        {
            var known = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var missing = ids.Where(id => !known.Contains(id)).Distinct().ToList();
            if (missing.Count > 0)
                throw new ArgumentException(
                    $"Unknown task ids in domain '{request.Domain}' (split {request.TaskSplit ?? "all"}): {string.Join(", ", missing)}");
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            tasks = tasks.Where(t => wanted.Contains(t.Id));
        }
        if (request.NumTasks is { } n) tasks = tasks.Take(n);
        var selected = tasks.ToList();
        if (selected.Count == 0)
            throw new ArgumentException($"No tasks selected in domain '{request.Domain}' (split {request.TaskSplit ?? "all"}).");
        return selected;
    }
}
