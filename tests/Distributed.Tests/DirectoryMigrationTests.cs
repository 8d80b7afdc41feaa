using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using Tau2Observe.Cli.Clusters;
using Tau2Observe.Grains;
using Tau2Observe.Grains.Directory;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Distributed.Tests;

/// <summary>An evaluation directory that silos before the paged directory stored in Redis is kept.</summary>
[Collection(DistributedCollection.Name)]
public sealed class DirectoryMigrationTests
{
    [RedisFact]
    public async Task A_directory_stored_as_one_list_in_Redis_moves_into_pages_and_is_still_listed_after_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        var backend = new Tau2ObserveBackend { Kind = Tau2ObserveBackend.Redis, RedisConnectionString = redis.ConnectionString };
        // as the old directory kept them: all entries in its own state, newest first
        var entries = Enumerable.Range(0, 230).Reverse()
            .Select(i => new DirectoryEntry($"old{i}", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i))).ToList();
        var ids = entries.Select(e => e.EvaluationId).ToList();

        using (var silo = await StartSiloAsync(backend))
        {
            var directory = Grains(silo).GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory);
            var old = new EvaluationDirectoryState { Entries = entries };
            // the storage's JSON leaves out the page number at its default: this is what the old directory stored
            var serializer = silo.Services.GetRequiredService<IGrainStorageSerializer>();
            Assert.DoesNotContain(nameof(EvaluationDirectoryState.CurrentPage), serializer.Serialize(old).ToString());
            await Storage(silo).WriteStateAsync("directory", directory.GetGrainId(), new GrainState<EvaluationDirectoryState>(old));

            Assert.Equal(ids, await directory.List(1000));
            await silo.StopAsync();
        }

        using (var silo = await StartSiloAsync(backend))
        {
            var directory = Grains(silo).GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory);
            Assert.Equal(ids, await directory.List(1000));
            var root = new GrainState<EvaluationDirectoryState>(new EvaluationDirectoryState());
            await Storage(silo).ReadStateAsync("directory", directory.GetGrainId(), root);
            Assert.Empty(root.State!.Entries);
            Assert.Equal(2, root.State.CurrentPage);
            var keys = await RedisContents.DumpAsync(redis.ConnectionString);
            Assert.Contains("tau2observe/state/evaluationdirectorypage/all/page/2/directory-page", keys); // as docs/durability.md says
            await silo.StopAsync();
        }
    }

    private static async Task<IHost> StartSiloAsync(Tau2ObserveBackend backend)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var ports = FreeLoopbackPorts.Take(2);
        builder.UseOrleans(silo => silo.UseTau2ObserveSilo(backend, ports[0], ports[1]));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static IGrainFactory Grains(IHost silo) => silo.Services.GetRequiredService<IGrainFactory>();

    private static IGrainStorage Storage(IHost silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
}
