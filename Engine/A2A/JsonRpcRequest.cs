using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>A JSON-RPC 2.0 request. <see cref="Id"/> is a string or a number and is echoed back exactly.</summary>
public sealed class JsonRpcRequest
{
    public string Jsonrpc { get; set; } = "2.0";
    public JsonNode? Id { get; set; }
    public string Method { get; set; } = "";
    public JsonNode? Params { get; set; }

    /// <summary>The params as <typeparamref name="T"/>; malformed params are a -32602 error naming the problem.</summary>
    public T ReadParams<T>() where T : class
    {
        if (Params is not JsonObject obj) throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{Method} needs 'params' to be an object");
        try
        {
            return obj.Deserialize<T>(A2AJson.Options) ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{Method} needs 'params'");
        }
        catch (JsonException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params for {Method}: {Describe(e)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // e.g. duplicate keys inside an object, or a value of the wrong JSON kind
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid params for {Method}: malformed object");
        }
    }

    /// <summary>The reader's own words plus where it happened, without type names.</summary>
    private static string Describe(JsonException e)
    {
        string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (at {e.Path})";
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        if (message.Contains("Tau2Observe.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal))
            message = "a value has the wrong type";
        return message.TrimEnd('.') + where;
    }
}
