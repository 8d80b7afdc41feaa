using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AdmissionGrainTests(ClusterFixture fixture)
{
    private IAdmissionGrain NewResource() => fixture.Grains.GetGrain<IAdmissionGrain>("agent:test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Slots_are_bounded_held_idempotently_and_given_back()
    {
        var resource = NewResource();
        var limit = new AdmissionLimit { MaxConcurrentSimulations = 2, LeaseTimeout = TimeSpan.FromMinutes(5) };

        Assert.True(await resource.TryAcquire("a", limit));
        Assert.True(await resource.TryAcquire("a", limit)); // a repeated ask (e.g. after a restart) keeps the same slot
        Assert.True(await resource.TryAcquire("b", limit));
        Assert.False(await resource.TryAcquire("c", limit));
        Assert.Equal(2, await resource.Holders());

        await resource.Release("a");
        Assert.True(await resource.TryAcquire("c", limit));
    }

    [Fact]
    public async Task No_new_simulation_starts_while_the_tokens_of_the_window_exceed_the_budget()
    {
        var resource = NewResource();
        var limit = new AdmissionLimit { TokensPerMinute = 100, LeaseTimeout = TimeSpan.FromMinutes(5), TokenWindow = TimeSpan.FromMilliseconds(500) };

        Assert.True(await resource.TryAcquire("a", limit));
        await resource.Heartbeat("a", 150, limit);
        await resource.Release("a");
        Assert.False(await resource.TryAcquire("b", limit));

        // once the window has moved past the usage, admission opens again
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await resource.TryAcquire("b", limit))
        {
            Assert.True(DateTime.UtcNow < deadline, "the token budget never came back");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_holder_not_heard_of_within_its_lease_loses_its_slot()
    {
        var resource = NewResource();
        var limit = new AdmissionLimit { MaxConcurrentSimulations = 1, LeaseTimeout = TimeSpan.FromMilliseconds(300) };

        Assert.True(await resource.TryAcquire("crashed", limit));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await resource.TryAcquire("next", limit))
        {
            Assert.True(DateTime.UtcNow < deadline, "the stale lease was never dropped");
            await Task.Delay(50);
        }
        Assert.Equal(1, await resource.Holders());
    }
}
