using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// A single-silo test cluster whose grain storage is wrapped in <see cref="CheckpointWriteControl"/>,
/// with the evaluations' reminder ticking every <see cref="ReminderPeriod"/>, and trial reports counted by <see cref="ReportCounter"/>.
/// </summary>
public sealed class CheckpointControlClusterFixture : TestClusterFixture<CheckpointControlClusterFixture.SiloConfigurator>
{
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            ClusterFixture.AddTestGrains(silo);
            silo.Services.Configure<TrialOptions>(o => o.ReminderPeriod = ReminderPeriod);
            silo.AddIncomingGrainCallFilter<ReportCounter>();
            // registered last, so it is the storage the grains get
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name,
                (services, _) => new CheckpointWriteControl(MemoryGrainStorageFactory.Create(services, GrainStorage.Name)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CheckpointControlClusterCollection : ICollectionFixture<CheckpointControlClusterFixture>
{
    public const string Name = nameof(CheckpointControlClusterCollection);
}
