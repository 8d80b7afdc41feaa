using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Tests.Simulation;

/// <summary>Participants that replay a fixed list of replies, for orchestrator tests.</summary>
public sealed class ScriptedAgent(params Func<Message>[] replies) : ISimulationAgent
{
    private int _next;
    public List<IReadOnlyList<Message>> Seen { get; } = [];

    public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        Seen.Add(incoming.ToList());
        if (_next >= replies.Length) throw new ParticipantException("script exhausted");
        return Task.FromResult(replies[_next++]());
    }
}

public sealed class ScriptedUser(params Func<Message>[] replies) : IUserSimulator
{
    private int _next;
    public List<IReadOnlyList<Message>> Seen { get; } = [];

    public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        Seen.Add(incoming.ToList());
        return Task.FromResult(_next < replies.Length ? replies[_next++]() : Message.User("###STOP###", cost: 0.0));
    }
}
