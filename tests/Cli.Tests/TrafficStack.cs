using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tau2Observe.Cli.Clusters;
using Tau2Observe.Engine.Data;
using Tau2Observe.Gateway;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.MockAgents;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// The real hosts on free loopback ports, for the traffic generator to talk to: the mock agents,
/// a single-node silo (memory backend) and the gateway connected to it.
/// </summary>
public sealed class TrafficStack : IAsyncLifetime
{
    private WebApplication? _agents, _gateway;
    private IHost? _silo;

    public Uri AgentsBase { get; private set; } = null!;
    public Uri GatewayBase { get; private set; } = null!;

    public string Agent(string path) => new Uri(AgentsBase, path).ToString();

    public async Task InitializeAsync()
    {
        _agents = MockAgentsApp.Create(["--urls", "http://127.0.0.1:0", "--TAU2_DATA_DIR", TestDomains.DataDir, "--Logging:LogLevel:Default", "Warning"]);
        await _agents.StartAsync();
        AgentsBase = new Uri(_agents.Urls.First());

        var ports = FreeLoopbackPorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new DomainRegistry(new TauDataDirectory(TestDomains.DataDir)));
        var backend = new Tau2ObserveBackend();
        builder.UseOrleans(silo => silo.UseTau2ObserveSilo(backend, ports[0], ports[1]));
        _silo = builder.Build();
        await _silo.StartAsync();

        _gateway = GatewayApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--TAU2_DATA_DIR", TestDomains.DataDir,
            "--Gateway:Clustering", "localhost",
            // explicit: this bin's appsettings.json may be MockAgents', which both projects copy here
            "--Gateway:AgentEndpoints:AllowLoopback", "true",
            "--Gateway:OrleansGatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:ServiceId", ClusterIdentity.ServiceId,
            "--Orleans:ClusterId", ClusterIdentity.ClusterId,
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _gateway.StartAsync();
        GatewayBase = new Uri(_gateway.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
        if (_agents is not null) await _agents.DisposeAsync();
    }
}
