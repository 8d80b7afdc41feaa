using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Clusters;

/// <summary>An Orleans client connected to a running cluster.</summary>
public sealed class RemoteCluster(IHost host) : IClusterConnection
{
    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IClusterClient>();

    public static async Task<RemoteCluster> ConnectAsync(ClusterAddress address, CancellationToken ct)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        StderrLogging.Configure(builder.Logging);
        var gateway = address.IsRedis ? null : await ResolveAsync(address, ct);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
            if (gateway is null) client.UseRedisClustering(address.RedisConnectionString!);
            else client.UseStaticClustering(gateway);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new CliError($"cannot connect to the cluster at {address}: {e.Message}", 1);
        }
        return new RemoteCluster(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static async Task<IPEndPoint> ResolveAsync(ClusterAddress address, CancellationToken ct)
    {
        if (IPAddress.TryParse(address.Host, out var ip)) return new IPEndPoint(ip, address.GatewayPort);
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(address.Host, ct);
            return new IPEndPoint(addresses.First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork), address.GatewayPort);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new CliError($"--cluster: cannot resolve host '{address.Host}'");
        }
    }
}
