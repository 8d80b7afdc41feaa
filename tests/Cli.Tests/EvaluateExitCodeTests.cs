using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Cli.Commands;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

/// <summary>The exit codes of <c>evaluate</c> that scripts branch on (README, "Exit codes").</summary>
public sealed class EvaluateExitCodeTests
{
    [Fact]
    public async Task A_run_whose_simulations_ended_in_infrastructure_errors_exits_3_and_still_prints_its_summary()
    {
        using var provider = new FakeOpenAiServer(); // nothing scripted: every user-model call gets HTTP 500

        var run = await CliRun.InvokeAsync(UserModelAt(provider), "evaluate", "--domain", "mock", "--agent", "oracle",
            "--task-ids", "create_task_1", "--num-trials", "2", "--user-model", "openai/gpt-4.1", "--json");

        Assert.True(run.ExitCode == EvaluationSession.InfrastructureErrors, run.ToString());
        Assert.Equal(3, EvaluationSession.InfrastructureErrors);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("completed", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("infrastructure_errors").GetInt32());
        Assert.Contains("2 of 2 simulation(s) ended in an infrastructure error: exit code 3", run.Stderr);
    }

    [Fact]
    public async Task A_failed_evaluation_exits_1()
    {
        using var provider = new FakeOpenAiServer();
        provider.Reply(FakeReply.Error(401, "Incorrect API key provided"));

        var run = await CliRun.InvokeAsync(UserModelAt(provider), "evaluate", "--domain", "mock", "--agent", "oracle",
            "--task-ids", "create_task_1", "--user-model", "openai/gpt-4.1", "--json");

        Assert.True(run.ExitCode == EvaluationSession.NotCompleted, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("failed", doc.RootElement.GetProperty("status").GetString());
    }

    /// <summary>The embedded silo's user simulator calls <paramref name="provider"/> for OpenAI models.</summary>
    private static CliDependencies UserModelAt(FakeOpenAiServer provider) => new()
    {
        CreateDomains = TestDomains.CreateRegistry,
        ConfigureEmbeddedSilo = services => services.AddSingleton<IParticipantResolver>(new DefaultParticipantResolver(
            new TauDataDirectory(TestDomains.DataDir), new LlmClientFactory(FastLlmRetries.Options),
            environment: name => name switch { "OPENAI_API_BASE" => provider.BaseUrl.ToString(), "OPENAI_API_KEY" => "user-key", _ => null })),
    };
}
