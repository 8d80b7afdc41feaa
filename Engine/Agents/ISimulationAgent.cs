using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Agents;

/// <summary>
/// The agent under test, as the orchestrator drives it. Before each call the orchestrator has
/// appended <paramref name="incoming"/> (user text, or results of the agent's own tool calls) to
/// <c>state.History</c>; the returned assistant message is appended after the call.
/// Throwing <see cref="ParticipantException"/> ends the run with <c>agent_error</c>.
/// </summary>
public interface ISimulationAgent
{
    Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct);

    /// <summary>Whether a message of this agent ends the run (<c>agent_stop</c>). tau2's LLM and A2A agents never stop.</summary>
    bool IsStop(Message message) => false;
}
