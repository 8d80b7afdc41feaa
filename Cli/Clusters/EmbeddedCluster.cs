using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tau2Observe.Engine.Data;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.ServiceDefaults;

namespace Tau2Observe.Cli.Clusters;

/// <summary>
/// A single-node silo inside the CLI process, with memory backends, on free loopback ports. Like a silo
/// process it exports its telemetry when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (service <c>tau2obs</c>).
/// </summary>
public sealed class EmbeddedCluster(IHost host) : IClusterConnection
{
    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<EmbeddedCluster> StartAsync(DomainRegistry domains, Action<IServiceCollection>? configure, CancellationToken ct)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        StderrLogging.Configure(builder.Logging);
        builder.Configuration.AddEnvironmentVariables(); // the OTEL_* and DD_* settings
        builder.AddServiceDefaults("tau2obs");
        builder.Services.AddSingleton(domains);
        configure?.Invoke(builder.Services);

        var backend = new Tau2ObserveBackend();
        var ports = FreeLoopbackPorts.Take(2);
        builder.UseOrleans(silo => silo.UseTau2ObserveSilo(backend, ports[0], ports[1]));

        var host = builder.Build();
        await host.StartAsync(ct);
        return new EmbeddedCluster(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
