using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// A per-simulation tau2 environment: the agent toolkit, an optional user toolkit, the policy,
/// and the rules for routing, executing and rendering tool calls (tau2-engine §2).
/// </summary>
public sealed class DomainEnvironment(
    string domainName,
    string policy,
    Toolkit agentTools,
    Toolkit? userTools,
    bool soloMode = false,
    Action<DomainEnvironment>? syncTools = null)
{
    public string DomainName { get; } = domainName;
    public string Policy { get; } = policy;
    public Toolkit AgentTools { get; } = agentTools;
    public Toolkit? UserTools { get; } = userTools;
    public bool SoloMode { get; } = soloMode;

    /// <summary>Executes a tool call as tau2's <c>get_response</c>: route, run, sync, render; failures become <c>Error: ...</c>.</summary>
    public Message GetResponse(ToolCall call)
    {
        string content;
        bool error = false;
        try
        {
            RejectReservedArguments(call.Arguments);
            var toolkit = Route(call.Name, call.Requestor);
            var result = toolkit.CallTool(call.Name, call.Arguments);
            Sync();
            content = ToolResultSerializer.ToContent(result);
        }
        catch (ToolCallException e)
        {
            content = "Error: " + e.Message;
            error = true;
        }
        return Message.ToolResult(call.Id, content, call.Requestor, error);
    }

    /// <summary>
    /// tau2 calls <c>make_tool_call(name, requestor=..., **arguments)</c>, so arguments named like
    /// its own parameters collide before any routing (CPython's texts for the two collisions).
    /// </summary>
    private static void RejectReservedArguments(PyDict arguments)
    {
        if (arguments.ContainsKey("requestor"))
            throw new ToolCallException("tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'");
        if (arguments.ContainsKey("tool_name"))
            throw new ToolCallException("Environment.make_tool_call() got multiple values for argument 'tool_name'");
    }

    /// <summary>tau2's <c>make_tool_call</c>: routing and execution without error wrapping, rendering or sync (gold actions).</summary>
    public object? MakeToolCall(string name, string requestor, PyDict arguments) =>
        Route(name, requestor).CallTool(name, arguments);

    private Toolkit Route(string name, string requestor)
    {
        switch (requestor)
        {
            case Roles.User:
                if (SoloMode) throw new ToolCallException("User tools are not available in solo mode");
                return UserTools ?? throw new ToolCallException("User tools not available");
            case Roles.Assistant:
                if (SoloMode && UserTools is not null && UserTools.HasTool(name)) return UserTools;
                return AgentTools;
            default:
                throw new ToolCallException($"Invalid requestor: {requestor}");
        }
    }

    /// <summary>Runs any public toolkit method (setup actions), then syncs. Failures propagate.</summary>
    public object? RunEnvFunctionCall(EnvFunctionCall call)
    {
        var toolkit = call.EnvType switch
        {
            Roles.User => UserTools ?? throw new EnvironmentStateException("User tools not available"),
            Roles.Assistant => AgentTools,
            _ => throw new EnvironmentStateException($"Invalid env_type: {call.EnvType}"),
        };
        var result = toolkit.CallMethod(call.FuncName, call.Arguments);
        Sync();
        return result;
    }

    /// <summary>Runs an assertion; true when the function returned <c>assert_value</c>. A non-boolean result is an error.</summary>
    public bool RunEnvAssertion(EnvAssertion assertion)
    {
        var result = RunEnvFunctionCall(assertion);
        if (result is not bool b)
            throw new EnvironmentStateException($"Function {assertion.FuncName} returned {PyValue.TypeName(result)} instead of bool");
        return b == assertion.AssertValue;
    }

    public void Sync() => syncTools?.Invoke(this);

    /// <summary>
    /// tau2's <c>set_state</c>: merge initialization data, run initialization actions, replay every
    /// tool call of <paramref name="history"/> requiring identical outputs, then sync.
    /// </summary>
    public void SetState(InitialState? initial, IReadOnlyList<Message>? history)
    {
        if (SoloMode && history is not null && history.Any(m => m.IsUser))
            throw new EnvironmentStateException("User messages are not allowed in solo mode");
        try
        {
            if (initial?.AgentData is { } agentData) Merge(AgentTools, agentData);
            if (initial?.UserData is { } userData)
                Merge(UserTools ?? throw new EnvironmentStateException("User data given but the domain has no user database"), userData);
            foreach (var action in initial?.InitializationActions ?? [])
                RunEnvFunctionCall(action);
        }
        catch (ToolCallException e)
        {
            throw new EnvironmentStateException(e.Message, e);
        }
        if (history is not null) Replay(history);
        Sync();
    }

    private static void Merge(Toolkit toolkit, PyDict update)
    {
        var current = toolkit.Db is null ? new PyDict() : PyValue.DeepClone<PyDict>(toolkit.Db);
        toolkit.ReplaceDb(DeepMerge(current, update));
    }

    /// <summary>Objects merge key by key; any other value (lists included) replaces the old one.</summary>
    public static PyDict DeepMerge(PyDict target, PyDict update)
    {
        foreach (var (k, v) in update)
        {
            if (v is PyDict vd && target.GetOrDefault(k) is PyDict td && target.ContainsKey(k))
                target[k] = DeepMerge(td is PyRecord ? new PyDict(td) : td, vd);
            else
                target[k] = PyValue.DeepClone(v);
        }
        return target;
    }

    private void Replay(IReadOnlyList<Message> history)
    {
        for (int i = 0; i < history.Count; i++)
        {
            var m = history[i];
            if (m.IsTool) throw new EnvironmentStateException($"Tool message at position {i} does not follow a tool call");
            if (m.ToolCalls is not { Count: > 0 } calls) continue;
            for (int j = 0; j < calls.Count; j++)
            {
                int at = i + 1 + j;
                if (at >= history.Count || !history[at].IsTool)
                    throw new EnvironmentStateException($"Tool call {calls[j].Id} at position {i} has no tool result");
                var recorded = history[at];
                if (recorded.Id != calls[j].Id)
                    throw new EnvironmentStateException($"Tool result id {recorded.Id} does not match tool call id {calls[j].Id}");
                var produced = GetResponse(calls[j]);
                if (!PyEquality.Equals(PyJson.ParseOrString(produced.Content), PyJson.ParseOrString(recorded.Content)))
                    throw new EnvironmentStateException(
                        $"Tool call {calls[j].Name} ({calls[j].Id}) replayed a different result.\nExpected: {recorded.Content}\nGot: {produced.Content}");
            }
            i += calls.Count;
        }
    }

    public string? AgentDbHash() => AgentTools.DbHash();

    public string? UserDbHash() => UserTools?.DbHash();
}
