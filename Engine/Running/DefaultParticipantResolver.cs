using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Running;

/// <summary>
/// The participants of a real evaluation. Agent: <c>oracle</c> (in process) or an A2A URL. User: the
/// scripted user when no model is given, else tau2's LLM user simulator on that model (the
/// <c>simulated</c> model included), with the selection's key or the provider's environment variable.
/// A model with no key anywhere fails here with <see cref="LlmConfigurationException"/>, before any turn.
/// In tau2's solo mode (oracle only) the solo oracle works with tau2's dummy user.
/// </summary>
public sealed class DefaultParticipantResolver : IParticipantResolver
{
    public const string Oracle = "oracle";

    private static readonly Lazy<HttpClient> SharedA2AHttp = new(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });

    private readonly HttpClient _a2aHttp;
    private readonly LlmClientFactory _llm;
    private readonly Lazy<LlmUserSimulatorGuidelines> _guidelines;
    private readonly Func<string, string?>? _environment;
    private readonly ModelPriceTable _prices;

    /// <param name="data">Where tau2's user-simulator guidelines are (default: <c>TAU2_DATA_DIR</c>); read on first LLM user.</param>
    /// <param name="llm">Makes the user model's clients (retries, parameter guard, telemetry).</param>
    /// <param name="a2aHttp">Carries the A2A calls to agents under test (each call has its own timeout).</param>
    /// <param name="environment">Where provider keys and base URLs are looked up (default: the process environment).</param>
    /// <param name="prices">Prices the user model's calls and the usage agents under test report.</param>
    public DefaultParticipantResolver(
        TauDataDirectory? data = null, LlmClientFactory? llm = null, HttpClient? a2aHttp = null,
        Func<string, string?>? environment = null, ModelPriceTable? prices = null)
    {
        _prices = prices ?? ModelPriceTable.Default;
        _a2aHttp = a2aHttp ?? SharedA2AHttp.Value;
        _llm = llm ?? new LlmClientFactory();
        _guidelines = new(() => LlmUserSimulatorGuidelines.FromDataDirectory(data ?? TauDataDirectory.FromEnvironment()));
        _environment = environment;
    }

    public IParticipantFactory Resolve(ParticipantSelection selection)
    {
        if (selection.SoloMode)
        {
            // tau2's A2A agent gets its tool catalogue with user messages, and a solo run has none
            if (!string.Equals(selection.AgentEndpoint, Oracle, StringComparison.Ordinal))
                throw new ArgumentException($"Solo mode is available only with the built-in '{Oracle}' agent, not with A2A agents.");
            return new OfflineParticipants(selection.TurnLatency, soloMode: true);
        }
        var agent = Agent(selection);
        if (selection.UserModel is null)
            return new SelectedParticipants(agent, c => new ScriptedUserSimulator(c.Task, selection.TurnLatency));

        var endpoint = LlmEndpoint.Resolve(selection.UserModel, selection.UserApiKey, environment: _environment);
        var options = new LlmUserSimulatorOptions(endpoint.Model) { Prices = _prices };
        return new SelectedParticipants(agent, c => new LlmUserSimulator(_llm.Create(endpoint, simulatedUserTask: c.Task), c, _guidelines.Value, options));
    }

    private Func<AgentContext, ISimulationAgent> Agent(ParticipantSelection selection)
    {
        if (string.Equals(selection.AgentEndpoint, Oracle, StringComparison.Ordinal))
            return c => new OracleAgent(c.Task, selection.TurnLatency);
        if (!selection.AgentEndpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !selection.AgentEndpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Agent '{selection.AgentEndpoint}' is not supported: give an A2A URL (http:// or https://) or '{Oracle}'.");
        var options = new A2AAgentOptions(selection.AgentEndpoint);
        return c => new A2AAgent(new A2AClient(_a2aHttp, options.Endpoint, options.BearerToken, options.Timeout), c, _prices);
    }
}
