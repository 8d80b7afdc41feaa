using Tau2Observe.Engine.A2A;

namespace Tau2Observe.MockAgents;

/// <summary>
/// The JSON-RPC plumbing shared by the mock agents: they implement <c>message/send</c> only.
/// Protocol errors are JSON-RPC errors with HTTP 200, as a2a-sdk sends them.
/// </summary>
public static class MockRpc
{
    public static async Task HandleAsync(HttpContext context, Func<MessageSendParams, CancellationToken, Task<A2AEvent>> reply)
    {
        var ct = context.RequestAborted;
        var read = await JsonRpcRequestReader.ReadAsync(context.Request.Body, ct: ct);
        if (read.Request is not { } request)
        {
            await WriteAsync(context, read.Error!);
            return;
        }
        JsonRpcResponse response;
        try
        {
            response = request.Method switch
            {
                A2AMethods.SendMessage => JsonRpcResponse.Success(request.Id, await reply(ReadSendParams(request), ct)),
                A2AMethods.StreamMessage or A2AMethods.GetTask or A2AMethods.CancelTask or A2AMethods.Resubscribe =>
                    JsonRpcResponse.Failure(request.Id, JsonRpcErrorCodes.UnsupportedOperation, $"{request.Method} is not supported by this mock agent"),
                _ => JsonRpcResponse.Failure(request.Id, JsonRpcErrorCodes.MethodNotFound, $"Method not found: {request.Method}"),
            };
        }
        catch (JsonRpcException e)
        {
            response = JsonRpcResponse.Failure(request.Id, e.ToError());
        }
        await WriteAsync(context, response);
    }

    public static MessageSendParams ReadSendParams(JsonRpcRequest request)
    {
        var parameters = request.ReadParams<MessageSendParams>();
        if (parameters.Message is not { Parts: not null } message)
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "message/send needs params.message with parts");
        // lenient: tau2-bench-agent's README examples omit messageId
        message.MessageId ??= Guid.NewGuid().ToString();
        return parameters;
    }

    public static Task WriteAsync(HttpContext context, JsonRpcResponse response)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(A2AJson.Serialize(response), context.RequestAborted);
    }

    /// <summary>The reply as ADK agents give it: a completed task whose artifact and status message hold the text.</summary>
    public static A2ATask CompletedTask(A2AMessage incoming, string contextId, string text) => Reply(incoming, contextId, text, TaskState.Completed);

    /// <summary>A failure as ADK reports it: a failed task whose status message says why.</summary>
    public static A2ATask FailedTask(A2AMessage incoming, string contextId, string why) => Reply(incoming, contextId, why, TaskState.Failed);

    private static A2ATask Reply(A2AMessage incoming, string contextId, string text, TaskState state)
    {
        string taskId = Guid.NewGuid().ToString();
        incoming.ContextId = contextId;
        incoming.TaskId = taskId;
        var answer = A2AMessage.AgentText(text, contextId, taskId);
        return new A2ATask
        {
            Id = taskId,
            ContextId = contextId,
            Status = A2ATaskStatus.Now(state, answer),
            Artifacts = state == TaskState.Completed ? [new Artifact { Parts = [new TextPart(text)] }] : null,
            History = [incoming, answer],
        };
    }
}
