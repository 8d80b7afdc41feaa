using System.Text.Json;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Trials;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SecretsTests(ClusterFixture fixture)
{
    private const string Key = TestParticipantResolver.RequiredUserApiKey;

    [Fact]
    public async Task A_request_api_key_reaches_the_participants_but_no_grain_state()
    {
        var grain = fixture.Grains.NewGrain("secret");
        // the test agent refuses to run unless the key arrives
        await grain.Start(Evaluations.Toy(agent: "test:require-key", numTasks: 1, numTrials: 1), new UserLlmKey(Key));

        var done = await grain.WaitForTerminalAsync();
        Assert.Equal(1.0, Assert.Single(done.Trials).Reward);

        string id = grain.GetPrimaryKeyString();
        var evaluation = await ReadAsync<EvaluationState>("evaluation", id);
        var trial = await ReadAsync<TrialState>("trial", GrainKeys.Trial(id, "inc_a", 0));
        Assert.NotNull(evaluation.ProtectedSecrets);
        Assert.Equal(evaluation.ProtectedSecrets, trial.Assignment!.ProtectedSecrets);
        foreach (var state in new object[] { evaluation, trial })
            Assert.DoesNotContain(Key, JsonSerializer.Serialize(state));
    }

    [Fact]
    public void Secrets_do_not_print_their_values()
    {
        Assert.DoesNotContain(Key, new UserLlmKey(Key).ToString());
        Assert.DoesNotContain(Key, new Engine.Running.ParticipantSelection("oracle", null, default, Key).ToString());
    }

    private async Task<T> ReadAsync<T>(string grainType, string key) where T : class, new() =>
        await fixture.StoredStateAsync<T>(grainType, GrainId.Create(grainType, key))
        ?? throw new Xunit.Sdk.XunitException($"no stored {grainType} state for {key}");
}
