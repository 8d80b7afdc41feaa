using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Clusters;

/// <summary>An Orleans client connected to a running cluster.</summary>
public sealed class RemoteCluster(IHost host) : IClusterConnection
{
    // the Orleans client retries a gateway that refuses connections for minutes, silently
    private static readonly TimeSpan GatewayProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IClusterClient>();

    public static async Task<RemoteCluster> ConnectAsync(ClusterAddress address, CancellationToken ct)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        StderrLogging.Configure(builder.Logging);
        var gateway = address.IsRedis ? null : await ResolveAsync(address, ct);
        if (gateway is not null) await ProbeAsync(address, gateway, ct);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
            if (gateway is null) client.UseRedisClustering(address.RedisConnectionString!);
            else client.UseStaticClustering(gateway);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(ct).WaitAsync(ConnectTimeout, ct);
        }
        catch (TimeoutException)
        {
            host.Dispose();
            throw new CliError($"cannot connect to the cluster at {address}: no gateway answered within {ConnectTimeout.TotalSeconds:0} s", 1);
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

    /// <summary>Fails fast when nothing listens at the gateway, before the Orleans client starts retrying.</summary>
    private static async Task ProbeAsync(ClusterAddress address, IPEndPoint gateway, CancellationToken ct)
    {
        using var socket = new System.Net.Sockets.Socket(gateway.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(GatewayProbeTimeout);
        try
        {
            await socket.ConnectAsync(gateway, timeout.Token);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new CliError($"cannot connect to the cluster at {address}: {e.Message} (is a silo's gateway listening on port {address.GatewayPort}?)", 1);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliError($"cannot connect to the cluster at {address}: no answer within {GatewayProbeTimeout.TotalSeconds:0} s", 1);
        }
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
