using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// One in-process single-silo test cluster with memory backends, the toy domain and the test agents.
/// Finished evaluations deactivate soon (<see cref="DeactivateFinishedAfter"/>), so the tests read them back from storage often.
/// </summary>
public sealed class ClusterFixture : TestClusterFixture<ClusterFixture.SiloConfigurator>
{
    public static readonly TimeSpan DeactivateFinishedAfter = TimeSpan.FromMilliseconds(250);

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            AddTestGrains(silo);
            silo.Services.Configure<EvaluationOptions>(o => o.DeactivateFinishedAfter = DeactivateFinishedAfter);
        }
    }

    /// <summary>The toy domain, the test agents and the grains on memory backends.</summary>
    public static void AddTestGrains(ISiloBuilder silo)
    {
        silo.Services.AddSingleton(TestDomains.CreateRegistry());
        silo.Services.AddSingleton<IParticipantResolver, TestParticipantResolver>();
        silo.Services.AddSingleton<ITrialListener>(RecordingTrialListener.Shared);
        silo.AddTau2ObserveGrains(new Tau2ObserveBackend());
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}
