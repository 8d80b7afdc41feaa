using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>A piece of message or artifact content: text, structured data or a file.</summary>
public abstract class Part
{
    [JsonPropertyOrder(-10)]
    public abstract string Kind { get; }

    public JsonObject? Metadata { get; set; }
}
