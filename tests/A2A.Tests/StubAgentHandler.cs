using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// An in-memory A2A agent: records each JSON-RPC request and answers with the next scripted HTTP
/// response. It has no agent card (404), so a client that chooses its version from the card speaks 0.3.
/// </summary>
public sealed class StubAgentHandler : HttpMessageHandler
{
    private readonly Queue<Func<JsonObject, HttpResponseMessage>> _replies = new();

    public List<(HttpRequestMessage Request, JsonObject Body)> Requests { get; } = [];

    public StubAgentHandler Reply(Func<JsonObject, HttpResponseMessage> reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    /// <summary>A JSON-RPC success whose result is <paramref name="resultJson"/>, echoing the request id.</summary>
    public StubAgentHandler ReplyResult(string resultJson) =>
        Reply(body => Json(HttpStatusCode.OK, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = body["id"]!.DeepClone(), ["result"] = JsonNode.Parse(resultJson) }.ToJsonString()));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public int CardRequests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Method == HttpMethod.Get)
        {
            CardRequests++;
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!.AsObject();
        Requests.Add((request, body));
        return _replies.Dequeue()(body);
    }
}
