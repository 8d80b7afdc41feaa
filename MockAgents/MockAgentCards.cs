using Tau2Observe.Engine.A2A;

namespace Tau2Observe.MockAgents;

/// <summary>Agent cards of the mock agents.</summary>
public static class MockAgentCards
{
    public static AgentCard Oracle(string url) => new()
    {
        Name = "oracle",
        Description = "Deterministic customer-service agent for tau2 tasks: plays the task's gold actions in order " +
                      "(tool calls as {\"tool_call\": ...} JSON text), then closes. Needs message metadata tau2.domain and tau2.task_id.",
        Url = url,
        Capabilities = new AgentCapabilities { Streaming = false },
        Skills = [CustomerService()],
    };

    public static AgentCard Faulty(string mode, string url) => new()
    {
        Name = "faulty-" + mode,
        Description = $"An agent that fails on purpose ({mode}), for testing how failures of agents under test are reported.",
        Url = url,
        Capabilities = new AgentCapabilities { Streaming = false },
        Skills = [CustomerService()],
    };

    public static AgentCard Llm(LlmAgentSettings settings, string url) => new()
    {
        Name = settings.Name,
        Description = settings.Description,
        Url = url,
        Capabilities = new AgentCapabilities { Streaming = false }, // message/send only
        Skills = [CustomerService()],
    };

    private static AgentSkill CustomerService() => new()
    {
        Id = "customer-service",
        Name = "Customer Service",
        Description = "Answers customers and calls the tools listed in <available_tools>.",
        Tags = ["customer-service", "support"],
    };
}
