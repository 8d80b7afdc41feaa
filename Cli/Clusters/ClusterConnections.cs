using Tau2Observe.Engine.Data;

namespace Tau2Observe.Cli.Clusters;

/// <summary>Opens what a command runs on: the cluster named by <c>--cluster</c>, else an embedded single-node silo.</summary>
public static class ClusterConnections
{
    public static async Task<IClusterConnection> OpenAsync(CliDependencies dependencies, string? cluster, string domain, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(cluster)) return await RemoteCluster.ConnectAsync(ClusterAddress.Parse(cluster), ct);

        // check what can be checked here before paying for a silo start
        var domains = Guarded(dependencies.CreateDomains);
        if (!domains.Contains(domain))
            throw new CliError($"Unknown domain '{domain}'. Known domains: {string.Join(", ", domains.Names.Order(StringComparer.Ordinal))}");
        return await EmbeddedCluster.StartAsync(domains, dependencies.ConfigureEmbeddedSilo, ct);
    }

    private static T Guarded<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
        {
            throw new CliError(e.Message);
        }
    }
}
