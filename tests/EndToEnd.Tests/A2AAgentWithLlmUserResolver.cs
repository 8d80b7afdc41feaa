using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// Participants for the telemetry test: the agent under test over A2A at the request's URL, and the
/// LLM user simulator on an OpenAI-compatible endpoint (the fake provider), so a trial makes both
/// A2A requests and gen_ai LLM calls.
/// </summary>
public sealed class A2AAgentWithLlmUserResolver(LlmEndpoint userModel, TauDataDirectory data) : IParticipantResolver
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly LlmEndpoint _userModel = userModel;
    private readonly LlmClientFactory _llm = new(new LlmClientOptions { AttemptTimeout = TimeSpan.FromSeconds(30) });
    private readonly LlmUserSimulatorGuidelines _guidelines = LlmUserSimulatorGuidelines.FromDataDirectory(data);

    public IParticipantFactory Resolve(ParticipantSelection selection) => new Participants(this, new Uri(selection.AgentEndpoint));

    private sealed class Participants(A2AAgentWithLlmUserResolver owner, Uri agent) : IParticipantFactory
    {
        public ISimulationAgent CreateAgent(AgentContext context) =>
            new A2AAgent(new A2AClient(Http, agent, timeout: TimeSpan.FromSeconds(60)), context);

        public IUserSimulator CreateUser(AgentContext context) =>
            new LlmUserSimulator(owner._llm.Create(owner._userModel), context, owner._guidelines, new LlmUserSimulatorOptions(owner._userModel.Model));
    }
}
