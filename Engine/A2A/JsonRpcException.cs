namespace Tau2Observe.Engine.A2A;

/// <summary>A request a server rejects with a JSON-RPC error; the message is shown to the caller, so it must hold no secrets.</summary>
public sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    public JsonRpcError ToError() => new() { Code = Code, Message = Message };
}
