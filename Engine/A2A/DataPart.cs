using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>Structured content: any JSON object.</summary>
public sealed class DataPart(JsonObject data) : Part
{
    public const string KindValue = "data";

    public override string Kind => KindValue;
    public JsonObject Data { get; set; } = data;
}
