using System.Net;

namespace Tau2Observe.Datadog;

/// <summary>A non-success answer from the Datadog API. The message never contains a key.</summary>
public sealed class DatadogApiException(HttpStatusCode status, string method, string path, string message)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string Method { get; } = method;
    public string Path { get; } = path;

    /// <summary>401/403: the keys (or the site they belong to) are wrong; nothing else will work either.</summary>
    public bool IsAuthenticationFailure => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
