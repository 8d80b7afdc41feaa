using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.Distributed.Tests;

/// <summary>
/// A Redis server, silo processes clustered through it, and an Orleans client in the test process.
/// Failure detection and the trial reminder are tuned down through configuration (as docs/durability.md
/// describes), so that a killed silo is declared dead and its trials re-driven within seconds.
/// </summary>
public sealed class DistributedCluster : IAsyncDisposable
{
    private readonly List<HostProcess> _hosts = [];
    private IHost? _client;

    private DistributedCluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }
    public List<(HostProcess Host, int SiloPort)> Silos { get; } = [];
    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <param name="siloSettings">More settings for every silo (environment variables).</param>
    public static async Task<DistributedCluster> StartAsync(int silos, int defaultTurnLatencyMs = 0, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var cluster = new DistributedCluster(await RedisServer.StartAsync());
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(i => cluster.StartSiloAsync($"silo{i}", defaultTurnLatencyMs, siloSettings)).ToList());
            cluster.Silos.Sort((a, b) => string.CompareOrdinal(a.Host.Name, b.Host.Name));
            await cluster.ConnectClientAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings every silo of the test gets (environment variables of the Silo host).</summary>
    public Dictionary<string, string> SiloEnvironment(int siloPort, int gatewayPort, int defaultTurnLatencyMs) => new()
    {
        ["Tau2Observe__Backend"] = "redis",
        ["Tau2Observe__Redis"] = Redis.ConnectionString,
        ["Tau2Observe__SiloPort"] = siloPort.ToString(),
        ["Tau2Observe__GatewayPort"] = gatewayPort.ToString(),
        ["Tau2Observe__Trials__ReminderPeriod"] = "00:00:05",
        ["Tau2Observe__Trials__SimulatedTurnLatencyMs"] = defaultTurnLatencyMs.ToString(),
        // declare a dead silo dead within seconds (defaults: about a minute)
        ["Tau2Observe__Membership__ProbeTimeout"] = "00:00:02",
        ["Tau2Observe__Membership__NumMissedProbesLimit"] = "2",
        ["Tau2Observe__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Tau2Observe__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Tau2Observe__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
    };

    public async Task<HostProcess> StartGatewayAsync(string name)
    {
        var gateway = await HostProcess.StartAsync("Gateway", name, new Dictionary<string, string>
        {
            ["Tau2Observe__Backend"] = "redis",
            ["Tau2Observe__Redis"] = Redis.ConnectionString,
            ["Gateway__SendWaitSeconds"] = "1",
            ["Gateway__HeartbeatSeconds"] = "2",
        });
        _hosts.Add(gateway);
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            try { await _client.StopAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
            _client.Dispose();
        }
        foreach (var host in _hosts) await host.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private async Task StartSiloAsync(string name, int defaultTurnLatencyMs, IReadOnlyDictionary<string, string>? settings)
    {
        var ports = FreeLoopbackPorts.Take(2);
        var environment = SiloEnvironment(ports[0], ports[1], defaultTurnLatencyMs);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var silo = await HostProcess.StartAsync("Silo", name, environment);
        lock (_hosts)
        {
            _hosts.Add(silo);
            Silos.Add((silo, ports[0]));
        }
    }

    private async Task ConnectClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(Redis.ConnectionString);
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        _client = builder.Build();
        await _client.StartAsync();
    }
}
