using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>A JSON-RPC 2.0 response: <see cref="Result"/> or <see cref="Error"/>, and the request's id (null when unknown).</summary>
public sealed class JsonRpcResponse
{
    public string Jsonrpc { get; set; } = "2.0";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Id { get; set; }

    public JsonNode? Result { get; set; }
    public JsonRpcError? Error { get; set; }

    public static JsonRpcResponse Success(JsonNode? id, object result) =>
        new() { Id = id?.DeepClone(), Result = JsonSerializer.SerializeToNode(result, result.GetType(), A2AJson.Options) };

    public static JsonRpcResponse Failure(JsonNode? id, int code, string message) =>
        new() { Id = id?.DeepClone(), Error = new JsonRpcError { Code = code, Message = message } };

    public static JsonRpcResponse Failure(JsonNode? id, JsonRpcError error) => new() { Id = id?.DeepClone(), Error = error };
}
