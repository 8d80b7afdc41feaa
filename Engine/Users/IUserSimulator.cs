using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Users;

/// <summary>
/// The simulated customer. Before each call the orchestrator has appended <paramref name="incoming"/>
/// (agent text, or results of the user's own tool calls) to <c>state.History</c>.
/// Throwing <see cref="Agents.ParticipantException"/> ends the run with <c>user_error</c>
/// (or <c>infrastructure_error</c> when it says so).
/// </summary>
public interface IUserSimulator
{
    Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct);
}
