namespace Tau2Observe.Engine.A2A;

/// <summary>
/// A request body read by a server: the request, or the error response to send instead.
/// <see cref="IsNotification"/>: the body is a well-formed request without an <c>id</c>, which
/// JSON-RPC 2.0 forbids answering; <see cref="Error"/> is what a server that does answer it sends.
/// </summary>
public sealed record JsonRpcReadResult(JsonRpcRequest? Request, JsonRpcResponse? Error, bool IsNotification = false);
