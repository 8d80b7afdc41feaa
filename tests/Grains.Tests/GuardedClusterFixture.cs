using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Admission;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.Grains.Trials;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// A single-silo test cluster with the guards tightened: a 2 s watchdog with one retry, and at most
/// one simulation at a time for the agent <c>test:oracle-limited</c>.
/// </summary>
public sealed class GuardedClusterFixture : IAsyncLifetime
{
    public const string LimitedAgent = "test:oracle-limited";
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(2);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(TestDomains.CreateRegistry());
            silo.Services.AddSingleton<IParticipantResolver, TestParticipantResolver>();
            silo.AddTau2ObserveGrains(new Tau2ObserveBackend());
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
