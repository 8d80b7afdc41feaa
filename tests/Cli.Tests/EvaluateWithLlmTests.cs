using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.MockAgents;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// <c>tau2obs evaluate --user-model gemini/... --agent &lt;simple_gemini_agent URL&gt;</c>, the issue's real-run
/// command, with the Gemini endpoint replaced by a fake OpenAI-compatible server on loopback.
/// </summary>
public sealed class EvaluateWithLlmTests
{
    [Fact]
    public async Task The_gemini_user_against_simple_gemini_agent_reports_reward_tokens_and_cost()
    {
        using var provider = new FakeOpenAiServer();
        await using var agents = MockAgentsApp.Create(
        [
            "--urls", "http://127.0.0.1:0", "--TAU2_DATA_DIR", TestDomains.DataDir, "--Logging:LogLevel:Default", "Warning",
            "--MockAgents:Llm:simple_gemini_agent:BaseUrl", provider.BaseUrl.ToString(), "--MockAgents:Llm:simple_gemini_agent:ApiKey", "agent-key",
        ]);
        await agents.StartAsync();
        const string toolCall = """{"tool_call": {"name": "create_task", "arguments": {"user_id": "user_1", "title": "Important Meeting"}}}""";
        provider.Reply(
            FakeReply.Completion("Please create a task called 'Important Meeting' for user_1.", promptTokens: 1000, completionTokens: 20, model: "gemini-2.5-flash"),
            FakeReply.Completion(toolCall, promptTokens: 3000, completionTokens: 30, model: "gemini-2.0-flash"),
            FakeReply.Completion("Done: 'Important Meeting' is created for user_1.", promptTokens: 3500, completionTokens: 15, model: "gemini-2.0-flash"),
            FakeReply.Completion("Thanks! ###STOP###", promptTokens: 1200, completionTokens: 8, model: "gemini-2.5-flash"));
        var dependencies = new CliDependencies
        {
            CreateDomains = TestDomains.CreateRegistry,
            // GEMINI_API_KEY and GEMINI_API_BASE, as a real run would set them, but only for this silo
            ConfigureEmbeddedSilo = services => services.AddSingleton<IParticipantResolver>(new DefaultParticipantResolver(
                new TauDataDirectory(TestDomains.DataDir), new LlmClientFactory(FastLlmRetries.Options),
                environment: name => name switch { "GEMINI_API_BASE" => provider.BaseUrl.ToString(), "GEMINI_API_KEY" => "user-key", _ => null })),
        };

        var run = await CliRun.InvokeAsync(dependencies, "evaluate", "--domain", "mock", "--task-ids", "create_task_1",
            "--agent", agents.Urls.First() + "/agents/simple_gemini_agent", "--user-model", "gemini/gemini-2.5-flash", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var summary = doc.RootElement;
        Assert.Equal(1.0, summary.GetProperty("avg_reward").GetDouble());
        Assert.Equal(1000 + 3000 + 3500 + 1200, summary.GetProperty("tokens").GetProperty("prompt").GetInt64());
        Assert.Equal(20 + 30 + 15 + 8, summary.GetProperty("tokens").GetProperty("completion").GetInt64());
        double user = (1000 * 0.30 + 20 * 2.50 + 1200 * 0.30 + 8 * 2.50) / 1e6, agent = (3000 * 0.10 + 30 * 0.40 + 3500 * 0.10 + 15 * 0.40) / 1e6;
        Assert.Equal(user, summary.GetProperty("user_cost").GetDouble(), 12);
        Assert.Equal(agent, summary.GetProperty("avg_agent_cost").GetDouble(), 12);
        Assert.Equal(user + agent, summary.GetProperty("total_cost").GetDouble(), 12);
        Assert.Equal(["Bearer user-key", "Bearer agent-key", "Bearer agent-key", "Bearer user-key"], provider.Requests.Select(r => r.Authorization));
    }
}
