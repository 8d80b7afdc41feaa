using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Tau2Observe.Grains.Admission;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// A single-silo test cluster with the guards tightened: a 2 s watchdog with one retry, and at most
/// one simulation at a time for the agent <c>test:oracle-limited</c>.
/// </summary>
public sealed class GuardedClusterFixture : TestClusterFixture<GuardedClusterFixture.SiloConfigurator>
{
    public const string LimitedAgent = "test:oracle-limited";
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(2);

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            ClusterFixture.AddTestGrains(silo);
            silo.Services.Configure<TrialOptions>(o =>
            {
                o.WatchdogTimeout = Watchdog;
                o.MaxInfrastructureRetries = 1;
            });
            silo.Services.Configure<AdmissionOptions>(o =>
            {
                o.Rules.Add(new AdmissionRule { Resource = "agent:" + LimitedAgent, MaxConcurrentSimulations = 1 });
                o.RetryInterval = TimeSpan.FromMilliseconds(50);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GuardedClusterCollection : ICollectionFixture<GuardedClusterFixture>
{
    public const string Name = nameof(GuardedClusterCollection);
}
