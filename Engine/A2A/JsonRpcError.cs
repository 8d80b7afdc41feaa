using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

public sealed class JsonRpcError
{
    public int Code { get; set; }
    public string Message { get; set; } = "";
    public JsonNode? Data { get; set; }
}
