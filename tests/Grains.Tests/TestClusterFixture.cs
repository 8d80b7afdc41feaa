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

    /// <summary>What grain <paramref name="grainId"/> persisted as <paramref name="stateName"/>; null when it stored nothing.</summary>
    public async Task<T?> StoredStateAsync<T>(string stateName, GrainId grainId) where T : class, new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state.RecordExists ? state.State : null;
    }

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
