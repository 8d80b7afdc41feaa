using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Tau2Observe.Grains.Tests;

/// <summary>A single-silo in-process test cluster whose silo <typeparamref name="TSiloConfigurator"/> sets up.</summary>
public abstract class TestClusterFixture<TSiloConfigurator> : IAsyncLifetime where TSiloConfigurator : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silo's grain storage, to look at (or plant) what grains persist.</summary>
    public IGrainStorage Storage =>
        ((InProcessSiloHandle)Cluster.Primary!).ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<TSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
