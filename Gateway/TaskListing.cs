using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// A2A 1.0 <c>ListTasks</c> over the gateway's tasks, which are its evaluations: the
/// <see cref="Window"/> most recently started ones (from the evaluation directory, as the results
/// API), filtered, ordered by status timestamp (the last update), newest first, as A2A 1.0 requires,
/// ties by id, and cut into pages. Answers given at once (domain lists, help) are no evaluations and
/// are not listed; every caller sees every evaluation, as in the results API.
/// </summary>
public static class TaskListing
{
    /// <summary>How many of the most recently started evaluations a listing looks at: each one is read from the cluster on every call.</summary>
    public const int Window = ResultsApi.MaxLimit;

    public static async Task<ListTasksResult> ListAsync(IEvaluationService evaluations, TaskListQuery query, DateTimeOffset now, CancellationToken ct)
    {
        // a bad token is refused before the cluster is asked anything
        var cursor = query.PageToken is { } token ? TaskListPageToken.Decode(token, query.Filters, now) : null;
        var ids = await evaluations.ListAsync(Window, ct);
        var snapshots = await Task.WhenAll(ids.Select(id => evaluations.GetAsync(id, ct)));
        var matching = snapshots.OfType<EvaluationSnapshot>().Where(query.Matches)
            .OrderByDescending(s => s.UpdatedAt.UtcTicks).ThenByDescending(s => s.EvaluationId, StringComparer.Ordinal)
            .ToList();
        var remaining = cursor is null ? matching : matching.Where(cursor.Precedes).ToList();
        var page = remaining.Take(query.PageSize).ToList();
        return new ListTasksResult
        {
            Tasks = page.Select(query.TaskOf).ToList(),
            NextPageToken = remaining.Count > page.Count ? TaskListPageToken.After(page[^1], query.Filters, now).Encode() : "",
            PageSize = query.PageSize,
            TotalSize = matching.Count,
        };
    }
}
