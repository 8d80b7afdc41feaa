using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.TestSupport;
using Tau2Observe.Tests.FakeDatadogAgent;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// An evaluation through the real hosts, exporting OTLP to the fake Datadog Agent: the gateway and the
/// mock agents as their own processes, a silo in this process (so the test can plug in the LLM user
/// simulator on a fake provider), A2A over HTTP between them and Orleans messaging between gateway and silo.
/// </summary>
public class TelemetryEndToEndTests
{
    private const string UserLlmKey = "sk-e2e-SECRET-4f2a9c81d7";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task One_evaluation_is_one_trace_across_gateway_grains_and_mock_agent_with_every_catalogue_metric()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();
        using var llm = new FakeOpenAiServer().Reply(
            FakeReply.Completion("Hi, please create a task titled Important Meeting for user_1.", promptTokens: 50, completionTokens: 12),
            FakeReply.Completion("Hi, please create a task titled Important Meeting for user_1.", promptTokens: 50, completionTokens: 12),
            FakeReply.Completion("Thank you, that is all. ###STOP###", promptTokens: 80, completionTokens: 9),
            FakeReply.Completion("Thank you, that is all. ###STOP###", promptTokens: 80, completionTokens: 9),
            FakeReply.Completion("###STOP###"),
            FakeReply.Completion("###STOP###"));
        var telemetry = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = agent.Endpoint,
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["DD_ENV"] = "e2e",
            ["TAU2_DATA_DIR"] = RepositoryLayout.DataDirectory,
        };

        string evaluationId;
        var (mockAgents, mockAgentsUrl) = await StartHostAsync("MockAgents", telemetry);
        await using (mockAgents)
        {
            var userModel = LlmEndpoint.Resolve("openai/gpt-4.1", UserLlmKey, llm.BaseUrl);
            var silo = await InProcessSilo.StartAsync(telemetry, new A2AAgentWithLlmUserResolver(userModel, new TauDataDirectory(RepositoryLayout.DataDirectory)));
            try
            {
                var (gateway, gatewayUrl) = await StartHostAsync("Gateway", new(telemetry) { ["Tau2Observe__GatewayPort"] = silo.GatewayPort.ToString() });
                await using (gateway)
                {
                    evaluationId = await EvaluateAsync(gatewayUrl, new Uri(mockAgentsUrl, "agents/oracle"), () => gateway.Output);
                    // the hosts' batch exporters send every 200 ms; wait for both before the processes are stopped
                    Assert.True(await agent.WaitUntilAsync(
                        a => a.Spans.Any(s => s.ServiceName == "tau2observe-gateway" && s.Kind == "SERVER") && a.Spans.Any(s => s.ServiceName == "tau2observe-mock-agents"),
                        Generous), "no gateway or mock agent spans arrived");
                }
            }
            finally
            {
                await silo.DisposeAsync(); // flushes the silo's spans and metrics
            }
        }

        Assert.Empty(agent.Rejected);
        var tree = new TraceTree(agent.Spans);
        AssertSpanTree(tree, evaluationId);
        AssertMetrics(agent.MetricPoints, evaluationId);
        AssertNoSecrets(agent);
    }

    private static void AssertSpanTree(TraceTree tree, string evaluationId)
    {
        var evaluation = Assert.Single(tree.Named("tau2.evaluation"), s => (string?)s["tau2.evaluation_id"] == evaluationId);
        string traceId = evaluation.TraceId;
        Assert.Equal("tau2observe-silo", evaluation.ServiceName);
        Assert.Equal("SERVER", evaluation.Kind);
        Assert.Equal("worker", evaluation["span.type"]);
        Assert.Equal("mock", evaluation["resource.name"]);

        // the gateway's A2A request is the root of the same trace, reached through Orleans' call spans
        var gatewayRequest = Assert.Single(tree.Ancestors(evaluation), s => s.ServiceName == "tau2observe-gateway" && s.Kind == "SERVER");
        Assert.Equal(traceId, gatewayRequest.TraceId);
        Assert.Equal("POST", gatewayRequest["http.request.method"]);

        var task = Assert.Single(tree.Named("tau2.task"), s => s.TraceId == traceId);
        Assert.Equal(evaluation.SpanId, task.ParentSpanId);
        Assert.Equal("mock/create_task_1", task["resource.name"]);
        var trials = tree.Named("tau2.trial").Where(s => s.TraceId == traceId).ToList();
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal(task.SpanId, t.ParentSpanId));

        var turns = tree.Named("tau2.turn").Where(s => s.TraceId == traceId).ToList();
        Assert.NotEmpty(turns);
        Assert.All(turns, t => Assert.Contains(tree.Parent(t), trials));
        ExpectUnderTurn("tau2.tool_call");
        ExpectUnderTurn("tau2.a2a.request");

        var chats = tree.Spans.Where(s => s["gen_ai.operation.name"] is "chat").ToList();
        Assert.NotEmpty(chats);
        Assert.All(chats, chat =>
        {
            Assert.Equal(traceId, chat.TraceId);
            Assert.Contains(tree.Parent(chat), turns);
            Assert.Equal("chat gpt-4.1", chat.Name);
            Assert.Equal("CLIENT", chat.Kind);
            Assert.Equal("gpt-4.1", chat["gen_ai.request.model"]);
            Assert.Equal("openai", chat["gen_ai.provider.name"]);
            Assert.True(chat["gen_ai.usage.input_tokens"] is long and > 0, "input tokens");
            Assert.True(chat["gen_ai.usage.output_tokens"] is long and > 0, "output tokens");
        });
        Assert.All(tree.Named("tau2.tool_call"), s => Assert.Equal("execute_tool", s["gen_ai.operation.name"]));

        // the mock agent's server spans continue the trace under the silo's A2A requests (W3C traceparent over HTTP)
        var agentRequests = tree.Spans.Where(s => s.ServiceName == "tau2observe-mock-agents" && s.Kind == "SERVER").ToList();
        Assert.NotEmpty(agentRequests);
        Assert.All(agentRequests, s =>
        {
            Assert.Equal(traceId, s.TraceId);
            Assert.Equal("tau2.a2a.request", tree.NearestProductAncestor(s)?.Name);
        });

        // what Datadog maps to service, env, operation and resource names (spec §B)
        Assert.All(tree.Spans, s => Assert.Equal("e2e", s.Resource.GetValueOrDefault("deployment.environment.name")));
        Assert.All(tree.Spans.Where(s => s.Name.StartsWith("tau2.", StringComparison.Ordinal)), s =>
        {
            Assert.Equal(s.Name, s["operation.name"]);
            Assert.False(string.IsNullOrEmpty(s["resource.name"] as string), $"{s.Name} has no resource.name");
        });

        void ExpectUnderTurn(string name)
        {
            var spans = tree.Named(name).Where(s => s.TraceId == traceId).ToList();
            Assert.NotEmpty(spans);
            Assert.All(spans, s => Assert.Contains(tree.Parent(s), turns));
        }
    }

    private static void AssertMetrics(IReadOnlyList<ReceivedMetricPoint> received, string evaluationId)
    {
        var points = CatalogueAssertions.EveryMetricWithItsTags(received, evaluationId, "tau2observe-silo", simulations: 2,
            [.. CatalogueAssertions.OfTasksWithActions, "tau2.simulator.cost_usd", "tau2.llm.token_cost", "tau2.model.cost_per_task", "tau2.model.reward_per_token"]);
        // termination counts tell normal stops apart; pass^k for every k up to the trial count
        var terminations = points.Where(p => p.Name == "tau2.termination").ToList();
        Assert.All(terminations, p => Assert.Equal(p.Tag("reason") is "user_stop" or "agent_stop" ? "true" : "false", p.Tag("normal_stop")));
        Assert.Equal(["1", "2"], points.Where(p => p.Name == "tau2.evaluation.pass_hat_k").Select(p => p.Tag("k")!).Distinct().Order());
    }

    private static void AssertNoSecrets(FakeDatadogAgent agent)
    {
        static IEnumerable<string> Values(IReadOnlyDictionary<string, object?> attributes) => attributes.Values.Select(v => v?.ToString() ?? "");
        var everything = agent.Spans.SelectMany(s => Values(s.Attributes).Concat(Values(s.Resource)).Concat(s.Events.SelectMany(e => Values(e.Attributes))))
            .Concat(agent.MetricPoints.SelectMany(p => Values(p.Attributes)));
        Assert.DoesNotContain(everything, v => v.Contains(UserLlmKey, StringComparison.Ordinal));
    }

    private static async Task<(HostProcess Host, Uri Url)> StartHostAsync(string project, Dictionary<string, string?> environment)
    {
        var host = HostProcess.Start(project, RepositoryLayout.HostDll(project, "Tau2Observe." + project), ["--urls", "http://127.0.0.1:0"], environment);
        try
        {
            return (host, new Uri(await host.WaitUntilListeningAsync(Generous) + "/"));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> EvaluateAsync(Uri gateway, Uri oracle, Func<string> gatewayOutput)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        // the gateway listens before its Orleans client has joined the cluster; /health/cluster says when it has
        var deadline = DateTime.UtcNow + Generous;
        while ((await http.GetAsync("health/cluster")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("the gateway never reached the cluster\n" + gatewayOutput());
            await Task.Delay(200);
        }
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "e2e-1", ["method"] = "message/send",
            ["params"] = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["messageId"] = Guid.NewGuid().ToString(), ["role"] = "user",
                    ["parts"] = new JsonArray(new JsonObject
                    {
                        ["kind"] = "data",
                        ["data"] = new JsonObject
                        {
                            ["skill"] = "run_tau2_evaluation", ["domain"] = "mock", ["agent_endpoint"] = oracle.ToString(),
                            ["num_tasks"] = 1, ["num_trials"] = 2,
                        },
                    }),
                },
                ["configuration"] = new JsonObject { ["blocking"] = true },
            },
        };
        using var response = await http.PostAsJsonAsync("a2a/tau2_agent", request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var task = body["result"] ?? throw new Xunit.Sdk.XunitException($"the gateway answered {body.ToJsonString()}\n{gatewayOutput()}");
        Assert.Equal("completed", (string?)task["status"]?["state"]);
        return (string)task["id"]!;
    }
}
