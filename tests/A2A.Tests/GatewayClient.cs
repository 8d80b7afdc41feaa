using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Tau2Observe.A2A.Tests;

/// <summary>Raw JSON-RPC calls to the gateway, so tests see exactly what is on the wire.</summary>
public sealed class GatewayClient(HttpClient http)
{
    public const string RpcPath = "/a2a/tau2_agent";

    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, string ContentType, string Body)> PostAsync(string body, string path = RpcPath)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A JSON-RPC call that must come back as HTTP 200 with a JSON body.</summary>
    public async Task<JsonObject> CallAsync(string method, JsonNode? parameters, string id = "req-1")
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
        var (status, contentType, body) = await PostAsync(request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        var response = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(id, (string?)response["id"]);
        return response;
    }

    public Task<JsonObject> SendTextAsync(string text, string? messageId = null, JsonObject? configuration = null) =>
        CallAsync("message/send", SendParams(new JsonObject { ["text"] = text }, messageId, configuration));

    public Task<JsonObject> SendDataAsync(JsonObject data, string? messageId = null, JsonObject? configuration = null) =>
        CallAsync("message/send", SendParams(new JsonObject { ["kind"] = "data", ["data"] = data }, messageId, configuration));

    public static JsonObject SendParams(JsonObject part, string? messageId = null, JsonObject? configuration = null)
    {
        var parameters = new JsonObject
        {
            ["message"] = new JsonObject { ["messageId"] = messageId ?? Guid.NewGuid().ToString(), ["role"] = "user", ["parts"] = new JsonArray(part) },
        };
        if (configuration is not null) parameters["configuration"] = configuration;
        return parameters;
    }

    public static JsonObject Evaluation(string domain = "mock", string agent = "http://127.0.0.1:5101/agents/oracle", int tasks = 2, int trials = 1) => new()
    {
        ["skill"] = "run_tau2_evaluation", ["domain"] = domain, ["agent_endpoint"] = agent, ["num_tasks"] = tasks, ["num_trials"] = trials,
    };

    public static JsonObject Result(JsonObject response) => response["result"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("no result: " + response.ToJsonString());

    public static int ErrorCode(JsonObject response) => (int)(response["error"]?["code"] ?? throw new Xunit.Sdk.XunitException("no error: " + response.ToJsonString()));
}
