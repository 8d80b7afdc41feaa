using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Tau2Observe.Gateway;
using Tau2Observe.TestSupport;

namespace Tau2Observe.A2A.Tests;

/// <summary>The seed's <c>X-User-LLM-Model</c> / <c>X-User-LLM-API-Key</c> headers: where they go, and where the key never goes.</summary>
public sealed class UserLlmHeaderTests : IDisposable
{
    private const string Key = "AIzaSyTEST-user-key-0123456789";
    private readonly GatewayFactory _factory = new();
    private readonly CapturedLogs _logs = new();
    private readonly HttpClient _http;

    public UserLlmHeaderTests()
    {
        _http = _factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .ConfigureLogging(l => l.AddProvider(_logs))).CreateClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonObject> SendAsync(params (string Name, string Value)[] headers) =>
        JsonNode.Parse(await PostAsync("message/send", headers))!.AsObject();

    private async Task<string> PostAsync(string method, params (string Name, string Value)[] headers)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "r1", ["method"] = method,
            ["params"] = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation(tasks: 1) }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, GatewayClient.RpcPath) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("gemini-2.5-flash", "gemini/gemini-2.5-flash")]
    [InlineData("gemini/gemini-2.5-flash", "gemini/gemini-2.5-flash")]
    [InlineData("Qwen/Qwen3-30B-A3B", "Qwen/Qwen3-30B-A3B")]
    [InlineData("Qwen3-32B", "nebius/Qwen3-32B")]
    [InlineData("gpt-4.1", "gpt-4.1")]
    public async Task The_model_header_picks_the_user_model_and_the_key_goes_along_unlogged(string header, string model)
    {
        var response = await SendAsync(("x-user-llm-model", "  " + header + " "), ("X-USER-LLM-API-KEY", Key));

        string id = (string)GatewayClient.Result(response)["id"]!;
        var started = Assert.Single(_factory.Evaluations.Started, s => s.Id == id);
        Assert.Equal(model, started.Request.UserModel);
        Assert.Equal(Key, _factory.Evaluations.UserApiKeys[id]);
        Assert.DoesNotContain(Key, started.Request.ToString());
        Assert.Contains(_logs.Entries, e => e.Contains(id) && e.Contains(model)); // the request is logged, with its model
        Assert.DoesNotContain(Key, _logs.AllText);
        Assert.DoesNotContain(Key, response.ToJsonString());
    }

    [Fact]
    public async Task A_streamed_request_takes_the_headers_too()
    {
        string stream = await PostAsync("message/stream", (UserLlmHeaders.ModelHeader, "gemini-2.5-flash"), (UserLlmHeaders.ApiKeyHeader, Key));

        var (id, request) = Assert.Single(_factory.Evaluations.Started);
        Assert.Equal("gemini/gemini-2.5-flash", request.UserModel);
        Assert.Equal(Key, _factory.Evaluations.UserApiKeys[id]);
        Assert.Contains("\"final\":true", stream);
        Assert.DoesNotContain(Key, stream);
        Assert.DoesNotContain(Key, _logs.AllText);
    }

    [Fact]
    public async Task Without_headers_the_scripted_user_plays_and_no_key_is_passed()
    {
        var response = await SendAsync();

        string id = (string)GatewayClient.Result(response)["id"]!;
        Assert.Null(Assert.Single(_factory.Evaluations.Started, s => s.Id == id).Request.UserModel);
        Assert.Null(_factory.Evaluations.UserApiKeys[id]);
    }

    [Fact]
    public async Task A_key_without_a_model_is_refused_without_echoing_the_key()
    {
        var response = await SendAsync((UserLlmHeaders.ApiKeyHeader, Key), (UserLlmHeaders.ModelHeader, "   "));

        Assert.Equal(-32602, GatewayClient.ErrorCode(response));
        Assert.StartsWith("MISSING_HEADER: X-User-LLM-API-Key was given without X-User-LLM-Model", (string)response["error"]!["message"]!);
        Assert.DoesNotContain(Key, response.ToJsonString());
        Assert.DoesNotContain(Key, _logs.AllText);
        Assert.Empty(_factory.Evaluations.Started);
    }

    [Fact]
    public void The_headers_record_prints_no_key()
    {
        var headers = new UserLlmHeaders("gemini/gemini-2.5-flash", Key);
        Assert.DoesNotContain(Key, headers.ToString());
        Assert.Contains("(redacted)", headers.ToString());
    }
}
