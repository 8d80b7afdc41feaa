namespace Tau2Observe.Engine.A2A;

/// <summary>
/// An agent URL may carry credentials in its user info (<c>user:password@</c>) or its query
/// (<c>?api_key=...</c>). The evaluation shows, stores and reports the endpoint without them, and
/// keeps the whole URL only encrypted, for the trials that call the agent.
/// </summary>
public static class AgentEndpointCredentials
{
    /// <summary>
    /// The endpoint to show (scheme, host, port and path) and, when that dropped anything, the whole
    /// endpoint as given; anything that is not an http(s) URL (<c>oracle</c>) is shown as it is.
    /// </summary>
    public static (string Shown, string? Whole) Split(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return (endpoint, null);
        if (uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0) return (endpoint, null);
        string shown = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        return (shown, endpoint);
    }
}
