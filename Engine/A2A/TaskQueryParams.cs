using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>Parameters of <c>tasks/get</c>, <c>tasks/cancel</c> and <c>tasks/resubscribe</c>.</summary>
public sealed class TaskQueryParams
{
    public string? Id { get; set; }
    public int? HistoryLength { get; set; }
    public JsonObject? Metadata { get; set; }
}
