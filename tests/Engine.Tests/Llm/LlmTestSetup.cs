using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Tests.Simulation;
using Tau2Observe.Engine.Users;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

/// <summary>A task, a context and clients wired to a <see cref="FakeOpenAiServer"/>, shared by the LLM tests.</summary>
public static class LlmTestSetup
{
    public const string ApiKey = "sk-test-0123456789abcdefSECRET";

    /// <summary>Fast retries so the tests take milliseconds, not seconds.</summary>
    public static LlmClientOptions FastRetries => FastLlmRetries.Options;

    /// <summary>One user tool in the OpenAI format, as <see cref="AgentContext.UserToolsJson"/> carries it.</summary>
    public const string UserToolsJson =
        """[{"type": "function", "function": {"name": "toggle_airplane_mode", "description": "Turns airplane mode on or off.", "parameters": {"properties": {"on": {"title": "On", "type": "boolean"}}, "required": ["on"], "title": "parameters", "type": "object"}}}]""";

    public static TauTask Task() => new()
    {
        Id = "t1",
        UserScenario = new UserScenario
        {
            Persona = "Calm and brief.",
            Structured = new StructuredUserInstructions
            {
                Domain = "counter",
                ReasonForCall = "You want the counter increased by 2.",
                KnownInfo = "Your name is Ada.",
                TaskInstructions = "Say thanks at the end.",
            },
        },
        EvaluationCriteria = new EvaluationCriteria
        {
            Actions = [new GoldAction { ActionId = "a1", Name = "increment", Arguments = new() { ["by"] = 2L } }],
            RewardBasis = [RewardType.Db],
        },
    };

    public static AgentContext Context(string userToolsJson = "[]", long? seed = 300, TauTask? task = null) =>
        new("counter", task ?? Task(), new CounterDomain().CreateEnvironment(), "[]", userToolsJson, seed);

    public static LlmUserSimulatorGuidelines Guidelines { get; } = LlmUserSimulatorGuidelines.FromDataDirectory(new TauDataDirectory(TestData.DataDir));

    public static LlmUserSimulator User(
        FakeOpenAiServer server, string model = "openai/gpt-4.1", string userToolsJson = "[]", long? seed = 300,
        double? temperature = 0.0, ILlmUsageSink? usage = null, ILogger? logger = null, LlmClientOptions? options = null)
    {
        var client = new LlmClientFactory(options ?? FastRetries, logger: logger).Create(LlmEndpoint.Resolve(model, ApiKey, server.BaseUrl));
        return new LlmUserSimulator(client, Context(userToolsJson, seed), Guidelines,
            new LlmUserSimulatorOptions(LlmModelId.Parse(model)) { Temperature = temperature, Usage = usage, Logger = logger });
    }
}
