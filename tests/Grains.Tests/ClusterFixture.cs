using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>One in-process single-silo test cluster with memory backends, the toy domain and the test agents.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
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
            silo.Services.AddSingleton<ITrialListener>(RecordingTrialListener.Shared);
            silo.AddTau2ObserveGrains(new Tau2ObserveBackend());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}
