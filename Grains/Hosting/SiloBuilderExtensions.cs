using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Admission;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Secrets;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Hosting;

/// <summary>Wires Tau2Observe's grains into a silo; shared by the Silo host, the CLI's embedded silo and the tests.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Orleans' own floor for reminder periods, which <see cref="TrialOptions.ReminderPeriod"/> may lower.</summary>
    private static readonly TimeSpan OrleansMinimumReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Grain storage <c>tau2</c>, reminders, data protection for request secrets, the trial, evaluation and
    /// admission settings (<c>Tau2Observe:Trials</c>, <c>Tau2Observe:Evaluations</c>, <c>Tau2Observe:Admission</c>) and the engine
    /// services. Services registered before this call win (tests register their own
    /// <see cref="DomainRegistry"/> or <see cref="IParticipantResolver"/>); option values configured after it win.
    /// </summary>
    public static ISiloBuilder AddTau2ObserveGrains(this ISiloBuilder silo, Tau2ObserveBackend backend)
    {
        backend.Validate();
        var services = silo.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName(ClusterIdentity.ServiceId);
        if (backend.IsRedis)
        {
            var options = ConfigurationOptions.Parse(backend.RedisConnectionString!);
            silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = options.Clone());
            silo.UseRedisReminderService(o => o.ConfigurationOptions = options.Clone());
            // every silo must open what another silo protected: the key ring lives in Redis too
            var redis = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options.Clone()));
            dataProtection.PersistKeysToStackExchangeRedis(() => redis.Value.GetDatabase(), $"{ClusterIdentity.ServiceId}/data-protection-keys");
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            // grain state dies with the process, and so may the keys that protect its secrets
            dataProtection.UseEphemeralDataProtectionProvider();
        }

        var configuration = silo.Configuration;
        services.Configure<TrialOptions>(configuration.GetSection(TrialOptions.Section));
        services.Configure<EvaluationOptions>(configuration.GetSection(EvaluationOptions.Section));
        services.Configure<AdmissionOptions>(configuration.GetSection(AdmissionOptions.Section));
        services.AddOptions<ReminderOptions>().Configure<Microsoft.Extensions.Options.IOptions<TrialOptions>>((reminders, trials) =>
        {
            if (trials.Value.ReminderPeriod < OrleansMinimumReminderPeriod) reminders.MinimumReminderPeriod = trials.Value.ReminderPeriod;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton(_ => new DomainRegistry(TauDataDirectory.FromEnvironment()));
        services.TryAddSingleton(sp => new SimulationRunner(sp.GetRequiredService<DomainRegistry>()));
        services.TryAddSingleton<IParticipantResolver>(sp => new DefaultParticipantResolver(
            sp.GetRequiredService<DomainRegistry>().Data,
            new LlmClientFactory(logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<LlmClientFactory>())));
        return silo;
    }

    /// <summary>
    /// Membership: in-process localhost clustering for <c>memory</c>; Redis membership for <c>redis</c>,
    /// on loopback unless <c>Tau2Observe:AdvertisedAddress</c> names the address other hosts reach
    /// this silo at (<c>auto</c>: the host's own), with failure detection tunable under
    /// <c>Tau2Observe:Membership</c> (Orleans' <see cref="ClusterMembershipOptions"/>).
    /// </summary>
    public static ISiloBuilder UseTau2ObserveClustering(this ISiloBuilder silo, Tau2ObserveBackend backend, int siloPort = 11111, int gatewayPort = 30000)
    {
        backend.Validate();
        if (backend.IsRedis)
        {
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
            switch (backend.AdvertisedAddress)
            {
                case null:
                    silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                    break;
                case Tau2ObserveBackend.AutomaticAddress:
                    silo.ConfigureEndpoints(siloPort, gatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
                    break;
                default:
                    silo.ConfigureEndpoints(IPAddress.Parse(backend.AdvertisedAddress), siloPort, gatewayPort, listenOnAnyHostAddress: true);
                    break;
            }
            silo.UseRedisClustering(backend.RedisConnectionString!);
            silo.Services.Configure<ClusterMembershipOptions>(silo.Configuration.GetSection("Tau2Observe:Membership"));
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterIdentity.ServiceId, clusterId: ClusterIdentity.ClusterId);
        }
        return silo;
    }

    /// <summary>A whole Tau2Observe silo: membership, grains and storage, and trace context carried across grain calls.</summary>
    public static ISiloBuilder UseTau2ObserveSilo(this ISiloBuilder silo, Tau2ObserveBackend backend, int siloPort, int gatewayPort) =>
        silo.UseTau2ObserveClustering(backend, siloPort, gatewayPort)
            .AddTau2ObserveGrains(backend)
            .AddActivityPropagation();
}
