using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.MockAgents;

/// <summary>
/// The oracle as an A2A agent: finds its task from the message metadata <c>tau2.domain</c> /
/// <c>tau2.task_id</c> (sent by this project's A2A client), plays <see cref="OracleScript"/> one
/// turn per message in each context, and answers in the tau2-bench-agent convention: a tool
/// call is the JSON text <c>{"tool_call": {"name": ..., "arguments": {...}}}</c>, anything else plain text.
/// </summary>
public sealed class OracleAgent(OracleTaskLookup tasks, OracleConversations conversations)
{
    public Task<A2AEvent> ReplyAsync(MessageSendParams parameters, CancellationToken ct)
    {
        var message = parameters.Message!;
        var (domain, taskId) = TaskReference(message.Metadata) ?? TaskReference(parameters.Metadata)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                "The oracle agent needs metadata {\"tau2\": {\"domain\": ..., \"task_id\": ...}} on the message.");
        var task = tasks.Find(domain, taskId);
        string contextId = string.IsNullOrEmpty(message.ContextId) ? Guid.NewGuid().ToString() : message.ContextId;

        lock (conversations)
        {
            int done = conversations.Done(contextId);
            var turn = OracleScript.Next(task, done);
            if (!turn.IsClosing) conversations.SetDone(contextId, done + 1);
            string text = turn.ToolCall is { } call
                ? PyJson.Dumps(new PyDict { ["tool_call"] = new PyDict { ["name"] = call.Name, ["arguments"] = call.Arguments } })
                : turn.Text!;
            return Task.FromResult<A2AEvent>(MockRpc.CompletedTask(message, contextId, text));
        }
    }

    private static (string Domain, string TaskId)? TaskReference(JsonObject? metadata) =>
        metadata?["tau2"] is JsonObject tau2
        && tau2["domain"] is JsonValue d && d.TryGetValue(out string? domain)
        && tau2["task_id"] is JsonValue t && t.TryGetValue(out string? taskId)
            ? (domain, taskId)
            : null;
}
