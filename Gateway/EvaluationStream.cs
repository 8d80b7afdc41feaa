using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// One SSE response (a2a.md §1.4, §2.7): the task first, then a <c>working</c> status update per
/// finished (or cancelled) simulation with <c>tau2.*</c> progress metadata, then the result artifact (summary
/// text + structured data) and a final status update; keep-alive comments in between. Closing the
/// stream early does not stop the evaluation, which can be followed again with <c>tasks/resubscribe</c>.
/// </summary>
public sealed class EvaluationStream
{
    private readonly HttpContext _http;
    private readonly JsonNode? _requestId;
    private readonly RpcDialect _dialect;
    private readonly SseWriter _writer;

    private EvaluationStream(HttpContext http, JsonNode? requestId, RpcDialect dialect)
    {
        _http = http;
        _requestId = requestId;
        _dialect = dialect;
        _writer = new SseWriter(http.Response.Body);
    }

    /// <summary>Sends the SSE response headers; from here on errors travel as JSON-RPC error events.</summary>
    public static async Task<EvaluationStream> OpenAsync(HttpContext http, JsonNode? requestId, RpcDialect dialect)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.StartAsync(http.RequestAborted);
        return new EvaluationStream(http, requestId, dialect);
    }

    public Task SendAsync(A2AEvent e) =>
        _writer.WriteEventAsync(A2AJson.Serialize(JsonRpcResponse.Success(_requestId, _dialect.StreamEvent(e))), _http.RequestAborted);

    public Task SendErrorAsync(int code, string message) =>
        _writer.WriteEventAsync(A2AJson.Serialize(JsonRpcResponse.Failure(_requestId, code, message)), _http.RequestAborted);

    /// <summary>Streams an evaluation from <paramref name="started"/> to its end, with a ping every <paramref name="heartbeat"/>.</summary>
    public async Task FollowAsync(EvaluationSnapshot started, A2AMessage? request, EvaluationFollower follower, TimeSpan heartbeat)
    {
        string contextId = EvaluationTasks.ContextOf(started);
        using var stopPings = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted);
        var pings = PingAsync(heartbeat, stopPings.Token);
        try
        {
            await SendAsync(new A2ATask
            {
                Id = started.EvaluationId,
                ContextId = contextId,
                // a new request's task starts out submitted; a resubscription shows where the evaluation stands
                Status = A2ATaskStatus.Now(request is not null && !started.IsTerminal ? TaskState.Submitted : EvaluationTasks.StateOf(started.Status)),
                History = request is null ? null : [request],
                Metadata = EvaluationTasks.Progress(started),
            });
            if (!started.IsTerminal && started.Request is not null)
                await SendAsync(Status(started, contextId, TaskState.Working, EvaluationTasks.FunctionCall(started, contextId), final: false));

            await foreach (var update in follower.FollowAsync(started.EvaluationId, _http.RequestAborted))
            {
                if (update.Trial is { } trial)
                    await SendAsync(EvaluationTasks.TrialFinished(started, contextId, trial, update.Counts, update.TotalTrials));
                if (update.Final is { } final)
                    await FinishAsync(final, contextId);
            }
        }
        finally
        {
            await stopPings.CancelAsync();
            await pings;
        }
    }

    /// <summary>A task that is already finished: the task, its artifacts, and the final status.</summary>
    public async Task ReplayAsync(A2ATask task)
    {
        await SendAsync(new A2ATask { Id = task.Id, ContextId = task.ContextId, Status = A2ATaskStatus.Now(TaskState.Working), History = task.History?.Take(1).ToList() });
        foreach (var artifact in task.Artifacts ?? [])
            await SendAsync(new TaskArtifactUpdateEvent { TaskId = task.Id, ContextId = task.ContextId, Artifact = artifact, LastChunk = true });
        await SendAsync(new TaskStatusUpdateEvent { TaskId = task.Id, ContextId = task.ContextId, Status = task.Status, Final = true });
    }

    private async Task FinishAsync(EvaluationSnapshot final, string contextId)
    {
        if (final.Request is not null)
            await SendAsync(Status(final, contextId, TaskState.Working, EvaluationTasks.FunctionResponse(final, contextId), final: false));
        await SendAsync(new TaskArtifactUpdateEvent
        {
            TaskId = final.EvaluationId, ContextId = contextId, Artifact = EvaluationTasks.ResultArtifact(final), LastChunk = true,
        });
        var summary = A2AMessage.AgentText(ResultDocument.Summary(final), contextId, final.EvaluationId);
        await SendAsync(Status(final, contextId, EvaluationTasks.StateOf(final.Status), summary, final: true));
    }

    private static TaskStatusUpdateEvent Status(EvaluationSnapshot s, string contextId, TaskState state, A2AMessage message, bool final) => new()
    {
        TaskId = s.EvaluationId,
        ContextId = contextId,
        Status = A2ATaskStatus.Now(state, message),
        Final = final,
        Metadata = EvaluationTasks.Progress(s),
    };

    private async Task PingAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await _writer.WritePingAsync(ct);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // the stream ended or the client left
        }
    }
}
