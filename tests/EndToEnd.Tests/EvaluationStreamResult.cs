using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>The events of one <c>message/stream</c> response, read off the wire with the SSE reader.</summary>
public sealed record EvaluationStreamResult(string ContentType, IReadOnlyList<JsonObject> Events)
{
    public static async Task<EvaluationStreamResult> ReadAsync(LoopbackCluster cluster, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, cluster.RpcUrl)
        {
            Content = new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await cluster.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<JsonObject>();
        await using var body = await response.Content.ReadAsStreamAsync();
        await foreach (var e in SseReader.ReadAsync(body)) events.Add(JsonNode.Parse(e.Data)!.AsObject());
        return new EvaluationStreamResult(response.Content.Headers.ContentType?.MediaType ?? "", events);
    }

    public IEnumerable<JsonObject> Results => Events.Select(e => e["result"]?.AsObject()).OfType<JsonObject>();

    /// <summary>The <c>working</c> updates that announce one finished simulation each.</summary>
    public IReadOnlyList<JsonObject> Progress => Results
        .Where(r => (string?)r["kind"] == "status-update" && (string?)r["status"]?["state"] == "working" && r["metadata"]?["tau2.termination_reason"] is not null)
        .ToList();

    public JsonObject Final => Results.Last(r => (string?)r["kind"] == "status-update");

    /// <summary>The structured result (data part) of the result artifact.</summary>
    public JsonObject ResultDocument => Results
        .Where(r => (string?)r["kind"] == "artifact-update")
        .SelectMany(r => r["artifact"]!["parts"]!.AsArray())
        .Select(p => p!.AsObject())
        .Single(p => (string?)p["kind"] == "data")["data"]!.AsObject();

    public override string ToString() => string.Join("\n", Events.Select(e => e.ToJsonString()));
}
