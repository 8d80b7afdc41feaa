namespace Tau2Observe.Engine.A2A;

/// <summary>A request body read by a server: the request, or the error response to send instead.</summary>
public sealed record JsonRpcReadResult(JsonRpcRequest? Request, JsonRpcResponse? Error);
