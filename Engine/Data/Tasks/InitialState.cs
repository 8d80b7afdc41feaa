using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>Environment and conversation state a task starts from.</summary>
public sealed class InitialState
{
    /// <summary>Deep-merged into the agent database before anything else.</summary>
    public PyDict? AgentData { get; init; }
    /// <summary>Deep-merged into the user database before anything else.</summary>
    public PyDict? UserData { get; init; }
    /// <summary>True when <c>initialization_data</c> itself was present (even with both sides null).</summary>
    public bool HasInitializationData { get; init; }
    public List<EnvFunctionCall>? InitializationActions { get; init; }
    public List<Message>? MessageHistory { get; init; }

    public PyDict ToPy() => new()
    {
        ["initialization_data"] = HasInitializationData ? new PyDict { ["agent_data"] = AgentData, ["user_data"] = UserData } : null,
        ["initialization_actions"] = InitializationActions?.Select(a => (object?)a.ToPy()).ToList(),
        ["message_history"] = MessageHistory?.Select(m => (object?)m.ToPy()).ToList(),
    };

    public static InitialState FromPy(PyDict d)
    {
        var data = d.GetOrDefault("initialization_data") as PyDict;
        return new InitialState
        {
            HasInitializationData = data is not null,
            AgentData = data?.GetOrDefault("agent_data") as PyDict,
            UserData = data?.GetOrDefault("user_data") as PyDict,
            InitializationActions = (d.GetOrDefault("initialization_actions") as List<object?>)?.Select(a => EnvFunctionCall.FromPy((PyDict)a!)).ToList(),
            MessageHistory = (d.GetOrDefault("message_history") as List<object?>)?.Select(m => Message.FromPy((PyDict)m!)).ToList(),
        };
    }
}
