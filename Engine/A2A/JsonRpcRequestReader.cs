using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Server side: turns a request body into a <see cref="JsonRpcRequest"/>, or into the JSON-RPC
/// error a2a-sdk would answer with (-32700 for non-JSON, -32600 for a non-request).
/// </summary>
public static class JsonRpcRequestReader
{
    /// <summary>Bodies larger than this are refused (-32600) without being parsed.</summary>
    public const int DefaultMaxBodyBytes = 1 << 20;

    public static async Task<JsonRpcReadResult> ReadAsync(Stream body, int maxBytes = DefaultMaxBodyBytes, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return new JsonRpcReadResult(null, JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest, $"Invalid Request: the body is larger than {maxBytes} bytes"));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return TryRead(bytes, out var request, out var error)
            ? new JsonRpcReadResult(request, null)
            : new JsonRpcReadResult(null, error, error.Error?.Code == JsonRpcErrorCodes.InvalidRequest && IsNotification(bytes));
    }

    /// <summary>A request object with a valid version and method and no <c>id</c> member.</summary>
    private static bool IsNotification(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject obj && !obj.ContainsKey("id")
                   && obj["jsonrpc"] is JsonValue version && version.GetValueKind() == JsonValueKind.String && version.GetValue<string>() == "2.0"
                   && obj["method"] is JsonValue method && method.GetValueKind() == JsonValueKind.String && method.GetValue<string>().Length > 0;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    public static bool TryRead(ReadOnlySpan<byte> body, out JsonRpcRequest request, out JsonRpcResponse error)
    {
        request = new JsonRpcRequest();
        error = new JsonRpcResponse();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            error = JsonRpcResponse.Failure(null, JsonRpcErrorCodes.ParseError, "Parse error: the body is not valid JSON");
            return false;
        }
        try
        {
            return TryRead(root, ref request, ref error);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // e.g. duplicate keys, which JsonObject refuses only when it is first read
            error = JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest, "Invalid Request: malformed JSON-RPC object");
            return false;
        }
    }

    private static bool TryRead(JsonNode? root, ref JsonRpcRequest request, ref JsonRpcResponse error)
    {
        if (root is not JsonObject obj)
        {
            error = JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest, "Invalid Request: expected one JSON-RPC request object");
            return false;
        }
        var id = obj["id"];
        if (id is not JsonValue idValue || !(idValue.GetValueKind() is JsonValueKind.String or JsonValueKind.Number))
        {
            error = JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InvalidRequest, "Invalid Request: 'id' must be a string or a number");
            return false;
        }
        if (obj["jsonrpc"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String || version.GetValue<string>() != "2.0")
        {
            error = JsonRpcResponse.Failure(id, JsonRpcErrorCodes.InvalidRequest, "Invalid Request: 'jsonrpc' must be \"2.0\"");
            return false;
        }
        if (obj["method"] is not JsonValue method || method.GetValueKind() != JsonValueKind.String || method.GetValue<string>().Length == 0)
        {
            error = JsonRpcResponse.Failure(id, JsonRpcErrorCodes.InvalidRequest, "Invalid Request: 'method' must be a non-empty string");
            return false;
        }
        request = new JsonRpcRequest { Id = id.DeepClone(), Method = method.GetValue<string>(), Params = obj["params"]?.DeepClone() };
        return true;
    }
}
