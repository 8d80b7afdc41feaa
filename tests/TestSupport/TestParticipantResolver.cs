using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.TestSupport;

/// <summary>
/// Test agents behind <c>test:</c> endpoints; anything else goes to the default resolver.
/// <list type="bullet">
/// <item><c>test:sabotage-seed:N</c> — the oracle, except in the trial whose seed is N, where it gives up at once.</item>
/// <item><c>test:throw</c> — the agent throws a plain exception (an infrastructure failure).</item>
/// <item><c>test:participant-error</c> — the agent fails as an agent (<c>agent_error</c>).</item>
/// <item><c>test:block-once:NAME</c> — the oracle, blocked at its second turn by <see cref="BlockingGate"/> NAME until cancelled, once.</item>
/// <item><c>test:stall</c> — an agent that never answers (until cancelled).</item>
/// <item><c>test:oracle-limited</c> — the oracle under another name (for admission rules), with the requested latency.</item>
/// <item><c>test:require-key</c> — the oracle, if the user simulator's API key given with the request is <see cref="RequiredUserApiKey"/>; refused otherwise.</item>
/// <item><c>http://credentials.test/...</c> — the oracle, if the endpoint arrives whole as <see cref="RequiredAgentEndpoint"/> (with its user info and query); refused otherwise.</item>
/// <item><c>test:user-auth-failed</c> — the oracle, with a user whose model rejects the key (as the LLM user simulator reports it).</item>
/// </list>
/// </summary>
public sealed class TestParticipantResolver : IParticipantResolver
{
    public const string RequiredUserApiKey = "sk-test-4711-plain-text-must-not-be-stored";
    public const string RequiredAgentEndpoint = "http://agent-user:pw-4712-not-stored@credentials.test/a2a?api_key=qk-4713-not-stored";

    private readonly DefaultParticipantResolver _default = new();

    public IParticipantFactory Resolve(ParticipantSelection selection)
    {
        if (Uri.TryCreate(selection.AgentEndpoint, UriKind.Absolute, out var uri) && uri.Host == "credentials.test")
        {
            return selection.AgentEndpoint == RequiredAgentEndpoint
                ? new OfflineParticipants(selection.TurnLatency)
                : throw new ArgumentException("the agent URL's credentials did not arrive");
        }
        var parts = selection.AgentEndpoint.Split(':', 3);
        if (parts[0] != "test") return _default.Resolve(selection);
        return parts[1] switch
        {
            "sabotage-seed" => new Participants(c => c.Seed == long.Parse(parts[2]) ? new GivingUpAgent() : new OracleAgent(c.Task)),
            "throw" => new Participants(_ => new FailingAgent(() => new InvalidOperationException("agent exploded"))),
            "participant-error" => new Participants(_ => new FailingAgent(() => new ParticipantException("agent unreachable"))),
            "block-once" => new Participants(c => new BlockingAgent(new OracleAgent(c.Task), BlockingGate.Get(parts[2]))),
            "stall" => new Participants(_ => new StallingAgent()),
            "oracle-limited" => new OfflineParticipants(selection.TurnLatency),
            "require-key" when selection.UserApiKey == RequiredUserApiKey => new OfflineParticipants(selection.TurnLatency),
            "require-key" => throw new ArgumentException("the user simulator's API key did not arrive"),
            "user-auth-failed" => new SelectedParticipants(c => new OracleAgent(c.Task), _ => new RejectedKeyUser()),
            _ => throw new ArgumentException($"unknown test agent '{selection.AgentEndpoint}'"),
        };
    }

    private sealed class Participants(Func<AgentContext, ISimulationAgent> agent) : IParticipantFactory
    {
        public ISimulationAgent CreateAgent(AgentContext context) => agent(context);
        public IUserSimulator CreateUser(AgentContext context) => new ScriptedUserSimulator(context.Task);
    }

    private sealed class RejectedKeyUser : IUserSimulator
    {
        public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct) =>
            Task.FromException<Message>(new ParticipantException(
                LlmUserSimulator.AuthFailedCode + ": gemini/gemini-2.5-flash: HTTP 401 [invalid_api_key]: the provider rejected the API key", isInfrastructure: true));
    }

    private sealed class GivingUpAgent : ISimulationAgent
    {
        public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct) =>
            Task.FromResult(Message.Assistant("Sorry, I cannot do that.", cost: 0.0));
    }

    private sealed class FailingAgent(Func<Exception> failure) : ISimulationAgent
    {
        public Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct) =>
            Task.FromException<Message>(failure());
    }

    private sealed class StallingAgent : ISimulationAgent
    {
        public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class BlockingAgent(ISimulationAgent inner, BlockingGate gate) : ISimulationAgent
    {
        public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
        {
            await gate.PassAsync(state.History.Count, ct);
            return await inner.GenerateAsync(state, incoming, ct);
        }
    }
}
