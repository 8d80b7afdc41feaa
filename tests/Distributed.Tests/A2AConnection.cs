using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace Tau2Observe.Distributed.Tests;

/// <summary>JSON-RPC calls and SSE streams to a gateway process's A2A endpoint.</summary>
public sealed class A2AConnection(Uri gateway, string? userLlmApiKey = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _rpc = new(gateway, "/a2a/tau2_agent");

    public static JsonObject Message(string messageId, JsonObject data) => new()
    {
        ["message"] = new JsonObject
        {
            ["messageId"] = messageId, ["role"] = "user", ["contextId"] = "ctx-" + messageId,
            ["parts"] = new JsonArray(new JsonObject { ["kind"] = "data", ["data"] = data }),
        },
    };

    public async Task<JsonObject> CallAsync(string method, JsonObject parameters, CancellationToken ct = default)
    {
        using var response = await _http.SendAsync(Request(method, parameters), ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
        return body["result"]?.AsObject() ?? throw new InvalidOperationException($"{method} failed: {body.ToJsonString()}");
    }

    /// <summary>
    /// Waits until the gateway reaches the cluster: its health endpoint answers before its Orleans
    /// client has connected, so ask for an unknown task until the answer is "not found".
    /// </summary>
    public async Task WaitUntilConnectedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _http.SendAsync(Request("tasks/get", new JsonObject { ["id"] = "no-such-evaluation" }));
            last = await response.Content.ReadAsStringAsync();
            if ((int?)JsonNode.Parse(last)?["error"]?["code"] == -32001) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("the gateway did not reach the cluster: " + last);
    }

    /// <summary>The results of the SSE events of a streaming call, as they arrive.</summary>
    public async IAsyncEnumerable<JsonObject> StreamAsync(string method, JsonObject parameters, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var response = await _http.SendAsync(Request(method, parameters), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            throw new InvalidOperationException($"{method} did not stream: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
            var e = JsonNode.Parse(line["data:".Length..])!.AsObject();
            yield return e["result"]?.AsObject() ?? throw new InvalidOperationException("error event: " + e.ToJsonString());
        }
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(string method, JsonObject parameters)
    {
        var rpc = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Guid.NewGuid().ToString(), ["method"] = method, ["params"] = parameters };
        var request = new HttpRequestMessage(HttpMethod.Post, _rpc) { Content = new StringContent(rpc.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (userLlmApiKey is not null) request.Headers.Add("X-User-LLM-API-Key", userLlmApiKey);
        return request;
    }
}
