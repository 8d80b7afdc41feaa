using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// Interop with the official A2A JavaScript SDK (<c>@a2a-js/sdk</c>, tests/Interop), both ways and
/// in both protocol versions: the SDK's client streams an evaluation from the gateway, and the
/// SDK's server hosts an agent that this project's A2A client evaluates.
/// </summary>
[Collection(nameof(SdkInteropTests))]
public class SdkInteropTests(KestrelGateway gateway, MockAgentsServer mocks) : IClassFixture<KestrelGateway>, IClassFixture<MockAgentsServer>
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Http = new();

    private const int TaskStateWorking = 2;
    private const int TaskStateCompleted = 3;

    [Theory]
    [InlineData("0.3")]
    [InlineData("1.0")]
    public async Task The_sdk_client_streams_an_evaluation_from_the_gateway(string version)
    {
        var (code, stdout, stderr) = await NodeInterop.NodeAsync("client-stream.mjs", [gateway.RpcUrl, version], NodeTimeout);
        Assert.True(code == 0, $"client-stream.mjs {version} failed ({code}):\n{stderr}\n{stdout}");
        var run = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;

        Assert.Equal(version, (string?)run["protocolVersion"]);
        var events = run["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal("task", (string?)events[0]["case"]);
        var progress = events.Where(e => (string?)e["case"] == "statusUpdate" && e["text"] is JsonValue t && ((string)t!).StartsWith("Completed task", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, progress.Count);
        Assert.All(progress, p => Assert.Equal(TaskStateWorking, (int)p["state"]!));
        Assert.Equal([50, 100], progress.Select(p => (int)p["progress"]!));
        var artifact = Assert.Single(events, e => (string?)e["case"] == "artifactUpdate");
        Assert.Equal(2, (int)artifact["totalSimulations"]!);
        Assert.Equal("statusUpdate", (string?)events[^1]["case"]);
        Assert.Equal(TaskStateCompleted, (int)events[^1]["state"]!);

        Assert.Equal(TaskStateCompleted, (int)run["getTaskState"]!);
        Assert.Equal(1, (int)run["getTaskArtifacts"]!);
        Assert.Contains("mock", (string?)run["domainsText"]);
        Assert.Contains(gateway.Factory.Evaluations.Started, s => s.Id == (string?)run["taskId"]);
        if (version == "1.0")
        {
            // ListTasks through the SDK: the evaluation, found by its context and state, without artifacts
            var listed = run["listed"]!;
            Assert.Equal([(string?)run["taskId"]], listed["ids"]!.AsArray().Select(i => (string?)i));
            Assert.Equal([TaskStateCompleted], listed["states"]!.AsArray().Select(s => (int)s!));
            Assert.Equal([0], listed["artifacts"]!.AsArray().Select(a => (int)a!));
            Assert.Equal(("", 1, 1), ((string?)listed["nextPageToken"], (int)listed["pageSize"]!, (int)listed["totalSize"]!));
            Assert.Equal(0, (int)run["listedElsewhere"]!);
        }
    }

    [Theory]
    [InlineData("0.3", A2AProtocolVersion.V0_3, "message/send")]
    [InlineData("1.0", A2AProtocolVersion.V1_0, "SendMessage")]
    public async Task Our_client_evaluates_an_agent_hosted_by_the_sdk(string version, A2AProtocolVersion expected, string method)
    {
        var (process, agentUrl) = await NodeInterop.StartAsync("agent-server.mjs", [version, mocks.Agent("/agents/oracle").ToString()], NodeTimeout);
        try
        {
            var (context, tools) = MockDomain.Context("create_task_1");
            var client = new A2AClient(Http, new Uri(agentUrl), timeout: TimeSpan.FromSeconds(30));
            var orchestrator = new Orchestrator(context.Task, context.Environment, new A2AAgent(client, context),
                new ScriptedUserSimulator(context.Task), new OrchestratorOptions(MaxSteps: 30, Seed: 300));

            var run = await orchestrator.RunAsync();

            Assert.Null(run.Error);
            Assert.Equal(TerminationReason.UserStop, run.TerminationReason);
            Assert.Equal(expected, client.ProtocolVersion);
            Assert.Equal([("user_1", "Important Meeting")], tools.Created); // the gold action, played through the SDK agent
            Assert.Contains(run.Messages, m => m.IsAssistant && m.Content?.StartsWith("Everything is taken care of.") == true);

            var calls = JsonNode.Parse(await Http.GetStringAsync(new Uri(new Uri(agentUrl), "/stats")))!["calls"]!.AsArray();
            Assert.True(calls.Count >= 2, calls.ToJsonString());
            Assert.All(calls, c =>
            {
                Assert.Equal(version, (string?)c!["version"]);
                Assert.Equal(method, (string?)c["method"]);
            });
        }
        finally
        {
            NodeInterop.Stop(process);
        }
    }
}
