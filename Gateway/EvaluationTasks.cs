using System.Globalization;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// How an evaluation looks as an A2A task: the task id is the evaluation id, progress goes in
/// <c>tau2.*</c> metadata (the vocabulary tau2-observe defined), and a finished evaluation
/// carries one artifact with a text summary and the structured result as a data part.
/// </summary>
public static class EvaluationTasks
{
    public const string ToolName = "run_tau2_evaluation";

    public static TaskState StateOf(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Submitted => TaskState.Submitted,
        EvaluationStatus.Working => TaskState.Working,
        EvaluationStatus.Completed => TaskState.Completed,
        EvaluationStatus.Failed => TaskState.Failed,
        EvaluationStatus.Cancelled => TaskState.Canceled,
        _ => TaskState.Unknown,
    };

    /// <summary>
    /// The task's A2A context: the caller's, when its request named one, else the evaluation id. Both are
    /// fixed when the evaluation is created, so a resend, a stream, tasks/get or a cancel all name the same one.
    /// </summary>
    public static string ContextOf(EvaluationSnapshot s) => s.Request?.ContextId ?? s.EvaluationId;

    /// <summary>The task for a snapshot; finished ones get the result artifact and the tool-call history.</summary>
    public static A2ATask ToTask(EvaluationSnapshot s, A2AMessage? request)
    {
        string contextId = ContextOf(s);
        var statusMessage = A2AMessage.AgentText(ResultDocument.Summary(s), contextId, s.EvaluationId);
        var history = new List<A2AMessage>();
        if (request is not null) history.Add(request);
        if (s.IsTerminal && s.Request is not null)
        {
            history.Add(FunctionCall(s, contextId));
            history.Add(FunctionResponse(s, contextId));
            history.Add(statusMessage);
        }
        return new A2ATask
        {
            Id = s.EvaluationId,
            ContextId = contextId,
            Status = new A2ATaskStatus { State = StateOf(s.Status), Message = statusMessage, Timestamp = Timestamp(s.UpdatedAt) },
            Artifacts = s.IsTerminal ? [ResultArtifact(s)] : null,
            History = history.Count > 0 ? history : null,
            Metadata = Progress(s),
        };
    }

    public static Artifact ResultArtifact(EvaluationSnapshot s) => new()
    {
        ArtifactId = s.EvaluationId + "-result",
        Name = "evaluation_result",
        Description = "Summary text and the structured tau2 evaluation result",
        Parts = [new TextPart(ResultDocument.Summary(s)), new DataPart(ResultDocument.Build(s))],
    };

    /// <summary>The tool call of the reference gateway, as ADK puts it on the wire (a data part marked <c>function_call</c>).</summary>
    public static A2AMessage FunctionCall(EvaluationSnapshot s, string contextId)
    {
        var r = s.Request!;
        var args = new JsonObject { ["domain"] = r.Domain, ["agent_endpoint"] = r.AgentEndpoint, ["num_trials"] = r.NumTrials };
        if (r.NumTasks is { } n) args["num_tasks"] = n;
        if (r.TaskIds is { } ids) args["task_ids"] = new JsonArray(ids.Select(i => (JsonNode?)i).ToArray());
        var data = new JsonObject { ["id"] = CallId(s), ["name"] = ToolName, ["args"] = args };
        return AgentData(data, "function_call", contextId, s.EvaluationId);
    }

    /// <summary>The tool's response: the result document, with <c>error</c> set when the evaluation failed (clients look for it there).</summary>
    public static A2AMessage FunctionResponse(EvaluationSnapshot s, string contextId)
    {
        var data = new JsonObject { ["id"] = CallId(s), ["name"] = ToolName, ["response"] = ResultDocument.Build(s) };
        return AgentData(data, "function_response", contextId, s.EvaluationId);
    }

    /// <summary>The <c>tau2.*</c> progress metadata of a snapshot.</summary>
    public static JsonObject Progress(EvaluationSnapshot s) => Progress(s, SimulationCounts.Of(s.Trials), s.TotalTrials);

    /// <summary>
    /// Progress with the given counts: <c>tau2.completed_simulations</c> are the simulations that finished,
    /// <c>tau2.cancelled_simulations</c> those recorded as cancelled without running to an end, and
    /// <c>tau2.progress</c> the share of both (100 once the evaluation is over).
    /// </summary>
    private static JsonObject Progress(EvaluationSnapshot s, SimulationCounts counts, int total)
    {
        var meta = new JsonObject
        {
            ["tau2.state"] = ResultDocument.StatusName(s.Status),
            ["tau2.evaluation_id"] = s.EvaluationId,
            ["tau2.progress"] = Percent(counts.Ended, total, s.IsTerminal),
            ["tau2.completed_simulations"] = counts.Finished,
            ["tau2.cancelled_simulations"] = counts.Cancelled,
            ["tau2.total_simulations"] = total,
            ["tau2.total_tasks"] = s.TaskIds.Count,
            ["tau2.waiting_simulations"] = s.WaitingTrials,
            ["tau2.total_resumptions"] = counts.Resumptions,
            ["tau2.total_retried_failures"] = counts.RetriedFailures,
            ["tau2.elapsed_seconds"] = Math.Round((s.UpdatedAt - s.CreatedAt).TotalSeconds, 2),
        };
        if (s.Request is { } r)
        {
            meta["tau2.domain"] = r.Domain;
            meta["tau2.agent_endpoint"] = r.AgentEndpoint;
            meta["tau2.total_trials"] = r.NumTrials;
        }
        if (s.Error is { } error) meta["tau2.error"] = error;
        return meta;
    }

    /// <summary>
    /// The status update for one simulation that finished ("Completed task X, trial 0 (3/10): reward 1, user_stop",
    /// 3 being the finished simulations) or was cancelled ("Cancelled task X, trial 0: 3 of 10 simulations finished, 7 cancelled").
    /// <paramref name="counts"/> includes <paramref name="t"/>.
    /// </summary>
    public static TaskStatusUpdateEvent TrialFinished(EvaluationSnapshot started, string contextId, TrialResult t, SimulationCounts counts, int total)
    {
        string text = SimulationCounts.IsCancelled(t)
            ? $"Cancelled task {t.TaskId}, trial {t.Trial}: {ResultDocument.Done(counts, total)}"
            : $"Completed task {t.TaskId}, trial {t.Trial} ({counts.Finished}/{total}): reward {t.Reward.ToString("0.###", CultureInfo.InvariantCulture)}, {t.TerminationReason}";
        var meta = Progress(started with { Status = EvaluationStatus.Working, UpdatedAt = DateTimeOffset.UtcNow }, counts, total);
        meta["tau2.current_task_id"] = t.TaskId;
        meta["tau2.current_trial"] = t.Trial + 1;
        meta["tau2.reward"] = double.IsFinite(t.Reward) ? t.Reward : null;
        meta["tau2.termination_reason"] = t.TerminationReason;
        // what a load test needs to measure the simulation without fetching the result
        meta["tau2.duration_seconds"] = double.IsFinite(t.DurationSeconds) ? Math.Round(t.DurationSeconds, 3) : null;
        meta["tau2.turns"] = t.Turns;
        meta["tau2.resumptions"] = t.Resumptions;
        meta["tau2.retried_failures"] = t.RetriedFailures;
        if (t.Error is { } error) meta["tau2.simulation_error"] = error;
        return new TaskStatusUpdateEvent
        {
            TaskId = started.EvaluationId,
            ContextId = contextId,
            Status = A2ATaskStatus.Now(TaskState.Working, A2AMessage.AgentText(text, contextId, started.EvaluationId)),
            Metadata = meta,
        };
    }

    private static A2AMessage AgentData(JsonObject data, string adkType, string contextId, string taskId) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Role = A2ARoles.Agent,
        Parts = [new DataPart(data) { Metadata = new JsonObject { ["adk_type"] = adkType } }],
        ContextId = contextId,
        TaskId = taskId,
    };

    private static string CallId(EvaluationSnapshot s) => "call-" + s.EvaluationId;

    /// <summary>floor(ended / total × 100); 0 without a total, 100 once finished.</summary>
    private static int Percent(int ended, int total, bool terminal) =>
        terminal ? 100 : total <= 0 ? 0 : (int)Math.Floor(ended * 100.0 / total);

    private static string Timestamp(DateTimeOffset t) => (t == default ? DateTimeOffset.UtcNow : t).ToString("O", CultureInfo.InvariantCulture);
}
