using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

/// <summary>Every started evaluation ends up in the directory, also when its first attempt to list it failed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvaluationListingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private Task<IReadOnlyList<string>> ListedAsync() => _grains.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List(int.MaxValue);

    [Fact]
    public async Task A_started_evaluation_is_listed()
    {
        var grain = _grains.NewGrain("listed");
        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));

        Assert.Contains(grain.GetPrimaryKeyString(), await ListedAsync());
    }

    [Fact]
    public async Task An_evaluation_whose_listing_failed_is_listed_by_a_repeated_start()
    {
        // what a start leaves behind when the directory call fails: started, finished, but not listed
        var grain = _grains.NewGrain("unlisted");
        await PlantFinishedAsync(grain, unlisted: true);

        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));

        Assert.Contains(grain.GetPrimaryKeyString(), await ListedAsync());
        var stored = await fixture.StoredStateAsync<EvaluationState>("evaluation", grain.GetGrainId());
        Assert.Equal(EvaluationStatus.Completed, stored!.Status); // the repeated start changed nothing else
    }

    [Fact]
    public async Task An_evaluation_saved_before_listing_was_tracked_is_not_listed_again()
    {
        // states saved by earlier versions lack the flag: they were listed when they started
        var grain = _grains.NewGrain("listed-before");
        await PlantFinishedAsync(grain, unlisted: false);

        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));

        Assert.DoesNotContain(grain.GetPrimaryKeyString(), await ListedAsync());
    }

    private Task PlantFinishedAsync(IEvaluationGrain grain, bool unlisted) =>
        fixture.Storage.WriteStateAsync("evaluation", grain.GetGrainId(), new GrainState<EvaluationState>(new EvaluationState
        {
            Request = Evaluations.Toy(numTasks: 1, numTrials: 1),
            Status = EvaluationStatus.Completed,
            TaskIds = ["0"],
            TrialSeeds = [1],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            FannedOut = true,
            Unlisted = unlisted,
        }));
}
