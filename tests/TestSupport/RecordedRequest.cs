using System.Text.Json.Nodes;

namespace Tau2Observe.TestSupport;

/// <summary>One request as the fake provider received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string RawBody)
{
    public JsonObject Body => (JsonObject)JsonNode.Parse(RawBody)!;
    public JsonArray Messages => (JsonArray)Body["messages"]!;
}
