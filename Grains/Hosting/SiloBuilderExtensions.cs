using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Hosting;

/// <summary>Wires Tau2Observe's grains into a silo; shared by the Silo host, the CLI's embedded silo and the tests.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Grain storage <c>tau2</c>, reminders and the engine services. Services registered before this
    /// call win (tests register their own <see cref="DomainRegistry"/> or <see cref="IParticipantResolver"/>).
    /// </summary>
    public static ISiloBuilder AddTau2ObserveGrains(this ISiloBuilder silo, Tau2ObserveBackend backend)
    {
        backend.Validate();
        if (backend.IsRedis)
        {
            silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = ConfigurationOptions.Parse(backend.RedisConnectionString!));
            silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(backend.RedisConnectionString!));
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
        }

        var services = silo.Services;
        services.TryAddSingleton(_ => new DomainRegistry(TauDataDirectory.FromEnvironment()));
        services.TryAddSingleton(sp => new SimulationRunner(sp.GetRequiredService<DomainRegistry>()));
        services.TryAddSingleton<IParticipantResolver>(sp => new DefaultParticipantResolver(
            sp.GetRequiredService<DomainRegistry>().Data,
            new LlmClientFactory(logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<LlmClientFactory>())));
        return silo;
    }

    /// <summary>
    /// Membership: in-process localhost clustering for <c>memory</c>, Redis membership on loopback
    /// endpoints for <c>redis</c> (multi-host endpoint settings come with the deployment work).
    /// </summary>
    public static ISiloBuilder UseTau2ObserveClustering(this ISiloBuilder silo, Tau2ObserveBackend backend, int siloPort = 11111, int gatewayPort = 30000)
    {
        backend.Validate();
        if (backend.IsRedis)
        {
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.UseRedisClustering(backend.RedisConnectionString!);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterIdentity.ServiceId, clusterId: ClusterIdentity.ClusterId);
        }
        return silo;
    }
}
