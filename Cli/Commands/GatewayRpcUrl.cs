namespace Tau2Observe.Cli.Commands;

/// <summary>The gateway's A2A endpoint from what a user gives: a base URL (the endpoint's path is appended) or the endpoint itself.</summary>
public static class GatewayRpcUrl
{
    public const string Path = "/a2a/tau2_agent";

    public static Uri Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliError($"--gateway: '{text}' is not an http(s) URL");
        var path = uri.AbsolutePath.TrimEnd('/');
        return path.EndsWith(Path, StringComparison.Ordinal) ? uri : new Uri(uri, path + Path);
    }
}
