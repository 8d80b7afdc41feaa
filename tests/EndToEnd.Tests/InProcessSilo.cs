using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Running;
using Tau2Observe.Cli.Clusters;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.ServiceDefaults;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// A silo hosted in the test process as the Silo host builds it (service defaults, grains, activity
/// propagation), on free loopback ports, with the participant resolver the test chooses. Its telemetry
/// settings are configuration values, so it exports exactly like a silo process would.
/// </summary>
public sealed class InProcessSilo(IHost host, int gatewayPort) : IAsyncDisposable
{
    public int GatewayPort { get; } = gatewayPort;

    public IServiceProvider Services => host.Services;

    public static async Task<InProcessSilo> StartAsync(IReadOnlyDictionary<string, string?> configuration, IParticipantResolver participants)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "silo-under-test" });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults("tau2observe-silo");
        builder.Services.AddSingleton(new DomainRegistry(new TauDataDirectory(RepositoryLayout.DataDirectory)));
        builder.Services.AddSingleton(participants);
        var backend = new Tau2ObserveBackend();
        var ports = FreeLoopbackPorts.Take(2);
        builder.UseOrleans(silo => silo.UseTau2ObserveSilo(backend, ports[0], ports[1]));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, ports[1]);
    }

    /// <summary>Stops the silo, which flushes its spans and metrics to the exporter.</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
