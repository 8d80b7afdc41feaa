using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tau2Observe.Cli.Clusters;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.MockAgents;
using Tau2Observe.TestSupport;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// A caller's user model and key, from the gateway's headers through the cluster to a fake provider on
/// loopback, with an LLM mock agent under test on the same fake: every role's tokens and cost reach the
/// summary and the results file, a rejected key fails the evaluation at once with the seed's
/// USER_LLM_AUTH_FAILED, and neither key appears in any log line, span, A2A response or results file.
/// </summary>
public sealed class UserLlmEndToEndTests : IAsyncLifetime
{
    private const string UserKey = "AIzaSy-user-key-E2E-0123456789";
    private const string AgentKey = "agent-key-E2E-9876543210";

    private readonly FakeOpenAiServer _provider = new();
    private readonly CapturedLogs _logs = new();
    private readonly CapturedSpans _spans = new();
    private EmbeddedCluster _cluster = null!;
    private WebApplication _agents = null!;
    private ClusterGatewayFactory _gateway = null!;
    private HttpClient _http = null!;
    private string _agentUrl = "";

    public async Task InitializeAsync()
    {
        string data = TestDomains.DataDir;
        _agents = MockAgentsApp.Create(
        [
            "--urls", "http://127.0.0.1:0", "--TAU2_DATA_DIR", data, "--Logging:LogLevel:Default", "Warning",
            "--MockAgents:Llm:simple_gemini_agent:BaseUrl", _provider.BaseUrl.ToString(),
            "--MockAgents:Llm:simple_gemini_agent:ApiKey", AgentKey,
        ]);
        await _agents.StartAsync();
        _agentUrl = _agents.Urls.First() + "/agents/simple_gemini_agent";

        _cluster = await EmbeddedCluster.StartAsync(new DomainRegistry(new TauDataDirectory(data)), services =>
        {
            services.AddLogging(l => l.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Information).AddFilter<CapturedLogs>("Tau2Observe", LogLevel.Trace));
            // the user model's provider is the fake: as if GEMINI_API_BASE pointed at it, with no server-side key
            services.AddSingleton<IParticipantResolver>(new DefaultParticipantResolver(new TauDataDirectory(data), new LlmClientFactory(FastLlmRetries.Options),
                environment: name => name == "GEMINI_API_BASE" ? _provider.BaseUrl.ToString() : null));
        }, default);
        _gateway = new ClusterGatewayFactory(_cluster.Grains, data, _logs);
        _http = _gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _cluster.DisposeAsync();
        await _agents.DisposeAsync();
        _spans.Dispose();
        _provider.Dispose();
    }

    private async Task<JsonObject> EvaluateAsync(int tasks)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "r1", ["method"] = "message/send",
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
                            ["skill"] = "run_tau2_evaluation", ["domain"] = "mock", ["agent_endpoint"] = _agentUrl,
                            ["task_ids"] = new JsonArray(new[] { "create_task_1", "update_task_1" }.Take(tasks).Select(t => (JsonNode?)t).ToArray()),
                            ["num_trials"] = 1,
                        },
                    }),
                },
                ["configuration"] = new JsonObject { ["blocking"] = true },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/a2a/tau2_agent") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-User-LLM-Model", "gemini-2.5-flash");
        request.Headers.Add("X-User-LLM-API-Key", UserKey);
        using var response = await _http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The structured result: the data part of the function response (a2a.md §2.7).</summary>
    private static JsonObject FunctionResponse(JsonObject rpc) =>
        rpc["result"]!["history"]!.AsArray()
            .SelectMany(m => m!["parts"]!.AsArray())
            .Single(p => (string?)p!["metadata"]?["adk_type"] == "function_response")!["data"]!["response"]!.AsObject();

    private void AssertNoKeyAnywhere(params string[] documents)
    {
        var places = new List<(string Name, string Text)> { ("logs", _logs.AllText), ("spans", _spans.AllText) };
        places.AddRange(documents.Select((d, i) => ($"document {i}", d)));
        foreach (var key in new[] { UserKey, AgentKey })
            foreach (var (name, text) in places)
            {
                int at = text.IndexOf(key, StringComparison.Ordinal);
                Assert.True(at < 0, $"a key is in the {name}: ...{(at < 0 ? "" : text[Math.Max(0, at - 300)..Math.Min(text.Length, at + 100)])}...");
            }
    }

    [Fact]
    public async Task A_header_model_and_key_run_the_user_simulator_and_every_role_is_accounted_for()
    {
        const string toolCall = """{"tool_call": {"name": "create_task", "arguments": {"user_id": "user_1", "title": "Important Meeting"}}}""";
        _provider.Reply(
            FakeReply.Completion("Please create a task called 'Important Meeting' for user_1.", promptTokens: 1000, completionTokens: 20, cachedTokens: 400, model: "gemini-2.5-flash"),
            FakeReply.Completion(toolCall, promptTokens: 3000, completionTokens: 30, model: "gemini-2.0-flash"),
            FakeReply.Completion("I created the task 'Important Meeting' for user_1.", promptTokens: 3500, completionTokens: 15, model: "gemini-2.0-flash"),
            FakeReply.Completion("Thanks, that is all. ###STOP###", promptTokens: 1200, completionTokens: 8, model: "gemini-2.5-flash"));

        var rpc = await EvaluateAsync(tasks: 1);

        Assert.Equal("completed", (string?)rpc["result"]!["status"]!["state"]);
        var summary = FunctionResponse(rpc)["summary"]!;
        Assert.Equal(1.0, (double)summary["avg_reward"]!);
        Assert.Equal(1000 + 3000 + 3500 + 1200, (long)summary["prompt_tokens"]!);
        Assert.Equal(20 + 30 + 15 + 8, (long)summary["completion_tokens"]!);
        Assert.Equal(400, (long)summary["cached_prompt_tokens"]!);
        double userCost = (600 * 0.30 + 400 * 0.03 + 20 * 2.50 + 1200 * 0.30 + 8 * 2.50) / 1e6;
        double agentCost = (3000 * 0.10 + 30 * 0.40 + 3500 * 0.10 + 15 * 0.40) / 1e6;
        Assert.Equal(userCost, (double)summary["user_cost"]!, 12);
        Assert.Equal(userCost + agentCost, (double)summary["total_cost"]!, 12);
        Assert.Equal(agentCost, (double)summary["avg_agent_cost"]!, 12);

        // the user model got the caller's key and model, the agent's model its own
        var requests = _provider.Requests;
        Assert.Equal(["Bearer " + UserKey, "Bearer " + AgentKey, "Bearer " + AgentKey, "Bearer " + UserKey], requests.Select(r => r.Authorization));
        Assert.Equal("gemini-2.5-flash", (string)requests[0].Body["model"]!);

        // the results file carries each message's usage, and the user model as tau2 records it
        string id = (string)rpc["result"]!["id"]!;
        string results = await _http.GetStringAsync($"/api/evaluations/{id}/results");
        var file = JsonNode.Parse(results)!;
        Assert.Equal("gemini/gemini-2.5-flash", (string?)file["info"]!["user_info"]!["llm"]);
        var messages = file["simulations"]![0]!["messages"]!.AsArray();
        Assert.Equal([1000L, 1200L], messages.Where(m => (string?)m!["role"] == "user").Select(m => (long)m!["usage"]!["prompt_tokens"]!));
        Assert.Equal([3000L, 3500L], messages.Where(m => (string?)m!["role"] == "assistant" && m!["usage"] is JsonObject).Select(m => (long)m!["usage"]!["prompt_tokens"]!));

        AssertNoKeyAnywhere(rpc.ToJsonString(), results);
    }

    [Fact]
    public async Task A_rejected_user_key_fails_the_evaluation_at_once_with_USER_LLM_AUTH_FAILED()
    {
        // providers echo part of a rejected key; this one echoes all of it
        for (int i = 0; i < 4; i++)
            _provider.Reply(FakeReply.Error(401, $"API key not valid: {UserKey}. Please pass a valid API key.", "invalid_request_error", "invalid_api_key"));

        var rpc = await EvaluateAsync(tasks: 2);

        Assert.Equal("failed", (string?)rpc["result"]!["status"]!["state"]);
        var response = FunctionResponse(rpc);
        Assert.Equal("USER_LLM_AUTH_FAILED", (string?)response["error"]);
        Assert.Equal("gemini/gemini-2.5-flash: HTTP 401 [invalid_api_key]: the provider rejected the API key or does not let it use this model",
            (string?)response["message"]);
        Assert.Contains("USER_LLM_AUTH_FAILED", (string)rpc["result"]!["artifacts"]![0]!["parts"]![0]!["text"]!);
        // no retries: at most one attempt per trial, and the second trial is stopped if it had not started
        Assert.InRange(_provider.Requests.Count, 1, 2);
        Assert.All(_provider.Requests, r => Assert.Equal("Bearer " + UserKey, r.Authorization));

        string id = (string)rpc["result"]!["id"]!;
        string results = await _http.GetStringAsync($"/api/evaluations/{id}/results");
        AssertNoKeyAnywhere(rpc.ToJsonString(), results);
    }
}
