using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// The gateway's A2A JSON-RPC endpoint: <c>message/send</c>, <c>message/stream</c>, <c>tasks/get</c>,
/// <c>tasks/cancel</c>, <c>tasks/resubscribe</c>, and their A2A 1.0 forms (<c>SendMessage</c>, ...;
/// see <see cref="RpcDialect"/>) plus 1.0's <c>ListTasks</c>, on the same URL. Every failure is a
/// JSON-RPC error with HTTP 200, with a message that says what to fix; nothing internal (stack
/// traces, exception types) leaks.
/// </summary>
public sealed class GatewayRpc(
    IEvaluationService evaluations,
    DomainCatalog domains,
    RecentTasks recent,
    EvaluationFollower follower,
    AgentEndpointPolicy endpointPolicy,
    LlmRequestInterpreter interpreter,
    AgentEndpointProbe probe,
    IOptions<GatewayOptions> settings,
    ILogger<GatewayRpc> log)
{
    /// <summary>The listing method of A2A drafts between 0.3 and 1.0, never part of a released 0.3.</summary>
    private const string DraftListTasks = "tasks/list";

    private readonly GatewayOptions _options = settings.Value;

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        JsonRpcReadResult read;
        try
        {
            read = await JsonRpcRequestReader.ReadAsync(http.Request.Body, _options.MaxRequestBodyBytes, ct);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel refused the body (over the size limit, or broken framing): the client's error, answered and not logged as a failure
            await WriteAsync(http, JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest,
                e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"Invalid Request: the body is larger than {_options.MaxRequestBodyBytes} bytes."
                    : "Invalid Request: the HTTP request was refused (malformed body)."), e.StatusCode);
            return;
        }
        if (read.IsNotification)
        {
            // JSON-RPC 2.0: no reply to a notification. Every A2A method needs its reply, so it is not run either
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (read.Request is not { } received)
        {
            await WriteAsync(http, read.Error!);
            return;
        }
        if (received.Id is { } id && id.ToString().Length > QuotedValue.MaxLength)
        {
            // answering with the id would echo it: too long to be an id
            await WriteAsync(http, JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest, $"Invalid Request: 'id' must be at most {QuotedValue.MaxLength} characters."));
            return;
        }
        var request = received;
        try
        {
            (var dialect, request) = RpcDialect.Of(http.Request.Headers[A2AVersions.HeaderName].FirstOrDefault(), received);
            switch (request.Method)
            {
                case A2AMethods.SendMessage:
                    await WriteAsync(http, JsonRpcResponse.Success(request.Id, dialect.Result(await SendAsync(http, request))));
                    break;
                case A2AMethods.StreamMessage:
                    await StreamAsync(http, request, dialect);
                    break;
                case A2AMethods.GetTask:
                    await WriteAsync(http, JsonRpcResponse.Success(request.Id, dialect.Result(await GetTaskAsync(request, ct))));
                    break;
                case A2AMethods.CancelTask:
                    await WriteAsync(http, JsonRpcResponse.Success(request.Id, dialect.Result(await CancelTaskAsync(request, ct))));
                    break;
                case A2AMethods.Resubscribe:
                    await ResubscribeAsync(http, request, dialect);
                    break;
                case A2AV1Methods.ListTasks when dialect.Version == A2AProtocolVersion.V1_0:
                    var listed = await TaskListing.ListAsync(evaluations, TaskListQuery.Read(request.Params), DateTimeOffset.UtcNow, ct);
                    await WriteAsync(http, JsonRpcResponse.Success(request.Id, dialect.Result(listed)));
                    break;
                case A2AV1Methods.ListTasks or DraftListTasks:
                    // A2A 0.3 has no task listing; tasks/list was only ever a pre-1.0 draft's name for it
                    throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound,
                        $"Method not found: {request.Method}: A2A 0.3 has no task listing; call ListTasks with {A2AVersions.HeaderName}: {A2AVersions.V1_0}.");
                case var m when m.StartsWith(A2AMethods.PushNotificationPrefix, StringComparison.Ordinal):
                    throw new JsonRpcException(JsonRpcErrorCodes.PushNotificationNotSupported, "Push notifications are not supported; use message/stream or poll with tasks/get.");
                case A2AMethods.GetExtendedCard:
                    throw new JsonRpcException(JsonRpcErrorCodes.AuthenticatedExtendedCardNotConfigured, "This agent has no authenticated extended card.");
                default:
                    throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, $"Method not found: {QuotedValue.Of(request.Method)}");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the caller went away; an evaluation it started carries on
        }
        catch (JsonRpcException e)
        {
            await FailAsync(http, request, e.Code, e.Message);
        }
        catch (InvalidEvaluationRequestException e)
        {
            await FailAsync(http, request, JsonRpcErrorCodes.InvalidParams, e.Message);
        }
        catch (ClusterUnavailableException e)
        {
            log.LogWarning("{Method}: no silo reachable (request {TraceId})", request.Method, http.TraceIdentifier);
            await FailAsync(http, request, JsonRpcErrorCodes.InternalError, e.Message);
        }
        catch (Exception e)
        {
            log.LogError(e, "{Method} failed (request {TraceId})", request.Method, http.TraceIdentifier);
            await FailAsync(http, request, JsonRpcErrorCodes.InternalError, $"Internal error (request {http.TraceIdentifier}).");
        }
    }

    private async Task<A2ATask> SendAsync(HttpContext http, JsonRpcRequest request)
    {
        var ct = http.RequestAborted;
        var parameters = ReadSendParams(request);
        var message = parameters.Message!;
        var call = await ParseAsync(message, ct);
        if (call.Skill != GatewaySkill.RunEvaluation)
        {
            var task = await ImmediateAsync(call, message, ct);
            recent.Remember(task);
            return task;
        }

        var snapshot = await StartAsync(call, message, UserLlmHeaders.From(http.Request.Headers), ct);
        bool? blocking = parameters.Configuration?.Blocking;
        if (!snapshot.IsTerminal && blocking != false)
            snapshot = await WaitAsync(snapshot, blocking == true ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(_options.SendWaitSeconds), ct);
        return EvaluationTasks.ToTask(snapshot, message);
    }

    private async Task StreamAsync(HttpContext http, JsonRpcRequest request, RpcDialect dialect)
    {
        var ct = http.RequestAborted;
        var message = ReadSendParams(request).Message!;
        var call = await ParseAsync(message, http.RequestAborted);
        if (call.Skill != GatewaySkill.RunEvaluation)
        {
            var task = await ImmediateAsync(call, message, ct);
            recent.Remember(task);
            var stream = await EvaluationStream.OpenAsync(http, request.Id, dialect);
            await stream.ReplayAsync(task);
            return;
        }
        var started = await StartAsync(call, message, UserLlmHeaders.From(http.Request.Headers), ct);
        await FollowAsync(http, request, dialect, started, message);
    }

    /// <summary>The deterministic reading; for text it cannot place, the request model's (when configured).</summary>
    private async Task<SkillCall> ParseAsync(A2AMessage message, CancellationToken ct)
    {
        var call = SkillRequestParser.Parse(message);
        if (call.Skill != GatewaySkill.Help || !interpreter.Enabled) return call;
        string text = string.Join("\n", (message.Parts ?? []).OfType<TextPart>().Select(p => p.Text));
        return await interpreter.InterpretAsync(text, ct) ?? call;
    }

    private async Task ResubscribeAsync(HttpContext http, JsonRpcRequest request, RpcDialect dialect)
    {
        string id = ReadTaskId(request);
        if (recent.Find(id) is { } known)
        {
            await (await EvaluationStream.OpenAsync(http, request.Id, dialect)).ReplayAsync(known);
            return;
        }
        var snapshot = await evaluations.GetAsync(id, http.RequestAborted) ?? throw TaskNotFound(id);
        await FollowAsync(http, request, dialect, snapshot, null);
    }

    private async Task FollowAsync(HttpContext http, JsonRpcRequest request, RpcDialect dialect, EvaluationSnapshot started, A2AMessage? message)
    {
        var stream = await EvaluationStream.OpenAsync(http, request.Id, dialect);
        try
        {
            await stream.FollowAsync(started, message, follower, TimeSpan.FromSeconds(_options.HeartbeatSeconds));
        }
        catch (JsonRpcException e)
        {
            await stream.SendErrorAsync(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Streaming evaluation {EvaluationId} failed (request {TraceId})", started.EvaluationId, http.TraceIdentifier);
            string poll = $"poll with tasks/get {{\"id\": \"{QuotedValue.Of(started.EvaluationId)}\"}}";
            bool siloLost = e is ClusterUnavailableException || ClusterEvaluationService.IsLostConnection(e);
            await stream.SendErrorAsync(JsonRpcErrorCodes.InternalError, (siloLost, evaluations.KeepsEvaluationsAcrossRestarts) switch
            {
                (false, _) => $"Internal error while following the evaluation (request {http.TraceIdentifier}); it carries on: {poll}.",
                (true, true) => $"The cluster stopped answering while following the evaluation; it carries on once a silo is up: {poll}.",
                (true, false) => $"The cluster stopped answering while following the evaluation. It runs on in-memory storage, so a silo restart loses the evaluation: {poll} to see whether it survived, else start it again (the Redis backend keeps evaluations across restarts).",
            });
        }
    }

    private async Task<A2ATask> GetTaskAsync(JsonRpcRequest request, CancellationToken ct)
    {
        string id = ReadTaskId(request);
        if (recent.Find(id) is { } known) return known;
        var snapshot = await evaluations.GetAsync(id, ct) ?? throw TaskNotFound(id);
        return EvaluationTasks.ToTask(snapshot, null);
    }

    private async Task<A2ATask> CancelTaskAsync(JsonRpcRequest request, CancellationToken ct)
    {
        string id = ReadTaskId(request);
        if (recent.Find(id) is { } known) throw NotCancelable(id, known.Status.State);
        var snapshot = await evaluations.GetAsync(id, ct) ?? throw TaskNotFound(id);
        if (snapshot.IsTerminal) throw NotCancelable(id, EvaluationTasks.StateOf(snapshot.Status));
        var cancelled = await evaluations.CancelAsync(id, ct);
        return EvaluationTasks.ToTask(cancelled, null);
    }

    private async Task<EvaluationSnapshot> StartAsync(SkillCall call, A2AMessage message, UserLlmHeaders user, CancellationToken ct)
    {
        var request = call.Evaluation!.ToRequest(message.MessageId!, _options, domains) with { UserModel = user.Model, ContextId = message.ContextId };
        await endpointPolicy.CheckAsync(request.AgentEndpoint, ct);
        // the policy first: the probe must not open connections to addresses the policy refuses
        await probe.CheckAsync(request.AgentEndpoint, ct);
        string evaluationId = EvaluationIds.For(request);
        var snapshot = await evaluations.StartAsync(evaluationId, request, user.ApiKey, ct);
        // the task's context, fixed when it was created (a resend gets the same one); the request shows it too
        message.ContextId = EvaluationTasks.ContextOf(snapshot);
        message.TaskId = evaluationId;
        log.LogInformation("Evaluation {EvaluationId}: {Domain}, agent {Agent}, user model {UserModel}, status {Status}",
            evaluationId, request.Domain, AgentEndpointCredentials.Split(request.AgentEndpoint).Shown, user.Model ?? "scripted", snapshot.Status);
        return snapshot;
    }

    /// <summary>Waits for the evaluation to end, up to <paramref name="wait"/>; then answers with where it stands.</summary>
    private async Task<EvaluationSnapshot> WaitAsync(EvaluationSnapshot started, TimeSpan wait, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(wait);
        try
        {
            await foreach (var update in follower.FollowAsync(started.EvaluationId, deadline.Token))
                if (update.Final is { } final) return final;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // waited long enough: the caller polls from here
        }
        return await evaluations.GetAsync(started.EvaluationId, ct) ?? started;
    }

    private async Task<A2ATask> ImmediateAsync(SkillCall call, A2AMessage message, CancellationToken ct)
    {
        // a task answered at once is new every time: a new context unless the caller named one
        string contextId = message.ContextId ?? Guid.NewGuid().ToString();
        switch (call.Skill)
        {
            case GatewaySkill.ListDomains:
                return ImmediateReplies.Domains(message, contextId, domains);
            case GatewaySkill.GetResults when call.ListAvailable:
                var ids = await evaluations.ListAsync(ResultsApi.DefaultLimit, ct);
                return ImmediateReplies.Completed(message, contextId,
                    ids.Count == 0 ? "No evaluations yet." : "Known evaluations, newest first:\n" + string.Join("\n", ids.Select(i => "- " + i)),
                    new DataPart(new JsonObject { ["available_evaluations"] = new JsonArray(ids.Select(i => (JsonNode?)i).ToArray()) }));
            case GatewaySkill.GetResults:
                var snapshot = await evaluations.GetAsync(call.EvaluationId!, ct)
                    ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"No evaluation has the id '{QuotedValue.Of(call.EvaluationId!)}'.");
                var data = snapshot.IsTerminal ? new DataPart(ResultDocument.Build(snapshot)) : null;
                return ImmediateReplies.Completed(message, contextId, ResultDocument.Summary(snapshot), data);
            default:
                return ImmediateReplies.Help(message, contextId);
        }
    }

    private static MessageSendParams ReadSendParams(JsonRpcRequest request)
    {
        var parameters = request.ReadParams<MessageSendParams>();
        if (parameters.Message is not { } message)
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{request.Method} needs params.message.");
        if (message.Parts is not { Count: > 0 })
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "params.message needs at least one part.");
        if (message.Role is not A2ARoles.User)
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "params.message.role must be \"user\" (A2A 1.0: \"ROLE_USER\").");
        // lenient where tau2's peers are (a2a.md §1.8): a missing messageId is generated (no idempotency then), a null contextId starts a context
        if (string.IsNullOrWhiteSpace(message.MessageId)) message.MessageId = Guid.NewGuid().ToString();
        if (string.IsNullOrWhiteSpace(message.ContextId)) message.ContextId = null;
        if (message.ContextId?.Length > QuotedValue.MaxLength)
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"params.message.contextId must be at most {QuotedValue.MaxLength} characters (it is repeated in every answer).");
        return parameters;
    }

    private static string ReadTaskId(JsonRpcRequest request) =>
        request.ReadParams<TaskQueryParams>().Id is { Length: > 0 } id
            ? id
            : throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{request.Method} needs params.id.");

    private JsonRpcException TaskNotFound(string id) => new(JsonRpcErrorCodes.TaskNotFound, evaluations.KeepsEvaluationsAcrossRestarts
        ? $"Task not found: {QuotedValue.Of(id)}"
        : $"Task not found: {QuotedValue.Of(id)}: unknown id, or lost in a restart of a cluster running on in-memory storage — use the Redis backend to keep evaluations across restarts.");

    private static JsonRpcException NotCancelable(string id, TaskState state) =>
        new(JsonRpcErrorCodes.TaskNotCancelable, $"Task {QuotedValue.Of(id)} cannot be canceled: it is already {TaskStates.ToWire(state)}.");

    private static async Task FailAsync(HttpContext http, JsonRpcRequest request, int code, string message)
    {
        if (!http.Response.HasStarted) await WriteAsync(http, JsonRpcResponse.Failure(request.Id, code, QuotedValue.Message(message)));
    }

    private static Task WriteAsync(HttpContext http, JsonRpcResponse response, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(A2AJson.Serialize(response), http.RequestAborted);
    }
}
