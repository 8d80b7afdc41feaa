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
/// a single-node silo (memory backend) and two gateways connected to it: an open one, and one that
/// wants <see cref="ApiKey"/>.
/// </summary>
public sealed class TrafficStack : IAsyncLifetime
{
    public const string ApiKey = "test-gateway-key";

    private WebApplication? _agents, _gateway, _keyedGateway;
    private IHost? _silo;

    public Uri AgentsBase { get; private set; } = null!;
    public Uri GatewayBase { get; private set; } = null!;
    public Uri KeyedGatewayBase { get; private set; } = null!;

    public string Agent(string path) => new Uri(AgentsBase, path).ToString();

    /// <summary>The silo's grains, to look at what the gateway started.</summary>
    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

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

        _gateway = await StartGatewayAsync(ports[1]);
        GatewayBase = new Uri(_gateway.Urls.First());
        _keyedGateway = await StartGatewayAsync(ports[1], "--Gateway:ApiKeys:0", ApiKey);
        KeyedGatewayBase = new Uri(_keyedGateway.Urls.First());
    }

    private static async Task<WebApplication> StartGatewayAsync(int orleansGatewayPort, params string[] settings)
    {
        var gateway = GatewayApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--TAU2_DATA_DIR", TestDomains.DataDir,
            "--Gateway:Clustering", "localhost",
            // explicit: this bin's appsettings.json may be MockAgents', which both projects copy here
            "--Gateway:AgentEndpoints:AllowLoopback", "true",
            "--Gateway:OrleansGatewayPort", orleansGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:ServiceId", ClusterIdentity.ServiceId,
            "--Orleans:ClusterId", ClusterIdentity.ClusterId,
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ]);
        await gateway.StartAsync();
        return gateway;
    }

    public async Task DisposeAsync()
    {
        if (_keyedGateway is not null) await _keyedGateway.DisposeAsync();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
        if (_agents is not null) await _agents.DisposeAsync();
    }
}
