namespace Tau2Observe.Engine.A2A;

/// <summary>How to reach an agent under test: its RPC URL, an optional bearer token, and the per-call timeout.</summary>
public sealed record A2AAgentOptions
{
    public A2AAgentOptions(string endpoint, string? bearerToken = null, TimeSpan? timeout = null)
    {
        var trimmed = endpoint.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"An agent endpoint must be an http:// or https:// URL (got '{Shorten(endpoint)}').", nameof(endpoint));
        if (timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentException("The A2A timeout must be positive.", nameof(timeout));
        Endpoint = uri;
        BearerToken = bearerToken;
        Timeout = timeout ?? A2AClient.DefaultTimeout;
    }

    public Uri Endpoint { get; }

    /// <summary>Sent as <c>Authorization: Bearer ...</c>; never logged or put in messages.</summary>
    public string? BearerToken { get; }

    public TimeSpan Timeout { get; }

    // the endpoint may carry credentials in its user info or query; show only its start
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    // keep the token out of record printing (logs, debugger displays)
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Endpoint = ").Append(Endpoint.GetLeftPart(UriPartial.Path)).Append(", Timeout = ").Append(Timeout);
        return true;
    }
}
