namespace Tau2Observe.Engine.A2A;

/// <summary>JSON-RPC 2.0 standard error codes and the A2A-specific ones (a2a.md §1.5).</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int TaskNotFound = -32001;
    public const int TaskNotCancelable = -32002;
    public const int PushNotificationNotSupported = -32003;
    public const int UnsupportedOperation = -32004;
    public const int ContentTypeNotSupported = -32005;
    public const int InvalidAgentResponse = -32006;
    public const int AuthenticatedExtendedCardNotConfigured = -32007;
    /// <summary>A2A 1.0: the request asked for an extension the agent requires but the client did not declare.</summary>
    public const int ExtensionSupportRequired = -32008;
    /// <summary>A2A 1.0: the <c>A2A-Version</c> header names a version the agent does not speak.</summary>
    public const int VersionNotSupported = -32009;
}
