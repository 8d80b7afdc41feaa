namespace Tau2Observe.Engine.A2A;

/// <summary>Why a call to a remote A2A agent failed.</summary>
public enum A2AErrorKind
{
    /// <summary>No answer within the timeout (or HTTP 408).</summary>
    Timeout,
    /// <summary>HTTP 401 or 403.</summary>
    Unauthorized,
    /// <summary>Any other HTTP status of 400 or more.</summary>
    HttpStatus,
    /// <summary>The agent answered with a JSON-RPC error object.</summary>
    JsonRpcError,
    /// <summary>The answer was not the JSON-RPC/A2A document it should be.</summary>
    InvalidResponse,
    /// <summary>Connection refused, reset, DNS failure...</summary>
    Transport,
    /// <summary>The agent card could not be retrieved or read.</summary>
    Discovery,
}
