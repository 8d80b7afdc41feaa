using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// Which A2A generation one JSON-RPC request speaks, and the translation to and from the 0.3
/// shapes the handlers work with. The <c>A2A-Version</c> header decides (absent = 0.3, as the
/// official SDKs read it); a request without the header that uses a 1.0 method name is taken as
/// 1.0 too. 1.0 requests must use 1.0 method names and get 1.0 results (wrapped send/stream
/// results, bare tasks for GetTask/CancelTask, no <c>kind</c>, <c>TASK_STATE_*</c>). 1.0's
/// <c>ListTasks</c> has no 0.3 equivalent and keeps its name.
/// </summary>
public sealed class RpcDialect
{
    public static readonly RpcDialect Legacy = new(A2AProtocolVersion.V0_3, null);

    private readonly string? _v1Method;

    private RpcDialect(A2AProtocolVersion version, string? v1Method)
    {
        Version = version;
        _v1Method = v1Method;
    }

    public A2AProtocolVersion Version { get; }

    /// <summary>The dialect of <paramref name="request"/> and the request as 0.3 (method name and params translated).</summary>
    public static (RpcDialect Dialect, JsonRpcRequest Request) Of(string? versionHeader, JsonRpcRequest request)
    {
        if (!A2AVersions.TryParse(versionHeader, out var version))
            throw new JsonRpcException(JsonRpcErrorCodes.VersionNotSupported,
                $"A2A version '{Shorten(versionHeader!)}' is not supported; this agent speaks {A2AVersions.V0_3} and {A2AVersions.V1_0} (header {A2AVersions.HeaderName}).");
        bool v1Name = A2AV1Methods.IsV1Name(request.Method);
        if (version == A2AProtocolVersion.V0_3 && !(string.IsNullOrWhiteSpace(versionHeader) && v1Name))
            return (Legacy, request);
        if (!v1Name)
            throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound,
                $"Method not found: {request.Method} (with {A2AVersions.HeaderName}: {A2AVersions.V1_0} use the 1.0 names, e.g. SendMessage, SendStreamingMessage, GetTask, ListTasks, CancelTask, SubscribeToTask).");
        // ListTasks has no 0.3 form: it keeps its 1.0 name (and is answered for 1.0 only)
        string method = A2AV1Methods.ToV03(request.Method) ?? request.Method;
        var parameters = method is A2AMethods.SendMessage or A2AMethods.StreamMessage ? A2AV1Json.SendParamsToV03(request.Params) : request.Params;
        var translated = new JsonRpcRequest { Id = request.Id, Method = method, Params = parameters };
        return (new RpcDialect(A2AProtocolVersion.V1_0, request.Method), translated);
    }

    /// <summary>A method's result on the wire.</summary>
    public JsonNode Result(object result)
    {
        var node = JsonSerializer.SerializeToNode(result, result.GetType(), A2AJson.Options)!;
        return _v1Method is null ? node : A2AV1Json.ResultToV1(_v1Method, node);
    }

    /// <summary>One streamed event on the wire (1.0 wraps it: <c>{"statusUpdate": ...}</c>).</summary>
    public JsonNode StreamEvent(A2AEvent e)
    {
        var node = JsonSerializer.SerializeToNode(e, e.GetType(), A2AJson.Options)!;
        return _v1Method is null ? node : A2AV1Json.StreamResponseToV1(node.AsObject());
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";
}
