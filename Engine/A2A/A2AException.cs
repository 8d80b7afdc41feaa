namespace Tau2Observe.Engine.A2A;

/// <summary>A failed call to a remote A2A agent. The message names the endpoint without credentials or query.</summary>
public sealed class A2AException(A2AErrorKind kind, string message, int? statusCode = null, JsonRpcError? rpcError = null, Exception? inner = null)
    : Exception(message, inner)
{
    public A2AErrorKind Kind { get; } = kind;
    public int? StatusCode { get; } = statusCode;
    public JsonRpcError? RpcError { get; } = rpcError;
}
