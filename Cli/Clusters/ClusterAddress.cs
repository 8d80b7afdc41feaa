using System.Net;

namespace Tau2Observe.Cli.Clusters;

/// <summary>
/// Where a running cluster is: <c>localhost[:gatewayPort]</c>, <c>host:gatewayPort</c> (a static
/// gateway) or <c>redis:&lt;connection string&gt;</c> (Redis membership).
/// </summary>
public sealed record ClusterAddress(string? RedisConnectionString, string Host, int GatewayPort)
{
    public const int DefaultGatewayPort = 30000;

    public bool IsRedis => RedisConnectionString is not null;

    // never shows the Redis connection string: it may hold a password
    public override string ToString() => IsRedis ? "redis" : $"{Host}:{GatewayPort}";

    public static ClusterAddress Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("redis:", StringComparison.OrdinalIgnoreCase))
        {
            var connection = text["redis:".Length..];
            if (connection.Length == 0) throw new CliError("--cluster redis: needs a connection string, e.g. redis:127.0.0.1:6379");
            return new ClusterAddress(connection, "", 0);
        }
        int colon = text.LastIndexOf(':');
        if (colon < 0) return new ClusterAddress(null, text, DefaultGatewayPort);
        if (!int.TryParse(text[(colon + 1)..], out int port) || port is <= 0 or > IPEndPoint.MaxPort)
            throw new CliError($"--cluster: '{text}' is not localhost[:port], host:port or redis:<connection string>");
        return new ClusterAddress(null, text[..colon], port);
    }
}
