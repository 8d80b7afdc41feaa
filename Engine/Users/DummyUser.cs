using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Users;

/// <summary>tau2's <c>dummy_user</c> for solo mode: it never speaks; being asked to is an error of the agent.</summary>
public sealed class DummyUser : IUserSimulator
{
    public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct) =>
        throw new ParticipantException("In solo mode there is no user to talk to: the agent sent a text message instead of a tool call or a stop");
}
