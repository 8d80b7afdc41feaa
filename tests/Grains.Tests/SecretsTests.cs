using System.Text.Json;
using Tau2Observe.Grains.Evaluations;
using Microsoft.AspNetCore.DataProtection;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Secrets;
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

        var (_, evaluation, trial) = await FinishedWithSecretsAsync(grain);
        Assert.Equal(evaluation.ProtectedSecrets, trial.Assignment!.ProtectedSecrets);
        foreach (var state in new object[] { evaluation, trial })
            Assert.DoesNotContain(Key, JsonSerializer.Serialize(state));
    }

    [Fact]
    public async Task Credentials_in_the_agent_url_reach_the_agent_but_no_state_snapshot_or_results()
    {
        const string whole = TestParticipantResolver.RequiredAgentEndpoint;
        var grain = fixture.Grains.NewGrain("agent-credentials");
        // the test agent refuses to run unless the whole URL, user info and query included, arrives
        var started = await grain.Start(Evaluations.Toy(agent: whole, numTasks: 1, numTrials: 1));
        Assert.Equal("http://credentials.test/a2a", started.Request!.AgentEndpoint);

        var (done, evaluation, trial) = await FinishedWithSecretsAsync(grain);
        string[] shown = [JsonSerializer.Serialize(evaluation), JsonSerializer.Serialize(trial), JsonSerializer.Serialize(done), await grain.GetResultsJson()];
        foreach (var text in shown)
        {
            Assert.DoesNotContain("pw-4712", text);
            Assert.DoesNotContain("qk-4713", text);
        }
    }

    [Theory]
    [InlineData("http://u:p@agent.example:8080/a2a?key=v#f", "http://agent.example:8080/a2a")]
    [InlineData("https://agent.example/rpc/?token=x", "https://agent.example/rpc")]
    public void An_agent_url_is_shown_without_user_info_query_or_fragment(string given, string shown)
    {
        Assert.Equal((shown, given), AgentEndpointCredentials.Split(given));
    }

    [Theory]
    [InlineData("http://agent.example:8080/a2a")]
    [InlineData("oracle")]
    public void An_agent_url_without_credentials_is_kept_as_given(string given)
    {
        Assert.Equal((given, (string?)null), AgentEndpointCredentials.Split(given));
    }

    [Fact]
    public void Secrets_protected_before_the_agent_url_was_kept_are_still_read()
    {
        var provider = new EphemeralDataProtectionProvider();
        var protector = new SecretProtector(provider);
        // how states written by earlier versions hold the user key: alone, under its own purpose
        string old = provider.CreateProtector("Tau2Observe.UserLlmKey.v1").Protect(Key);

        Assert.Equal(new RequestSecrets(Key, null), protector.Unprotect(old));
        var both = new RequestSecrets(Key, "http://u:p@agent.example/a2a");
        Assert.Equal(both, protector.Unprotect(protector.Protect(both)));
        Assert.Null(protector.Protect(RequestSecrets.None));
        Assert.Throws<SecretsUnavailableException>(() => protector.Unprotect(new SecretProtector(new EphemeralDataProtectionProvider()).Protect(both)));
    }

    [Fact]
    public void Secrets_do_not_print_their_values()
    {
        Assert.DoesNotContain(Key, new UserLlmKey(Key).ToString());
        Assert.DoesNotContain("secret", new RequestSecrets(Key + "secret", "http://u:secret@agent.example/").ToString());
        Assert.DoesNotContain(Key, new Engine.Running.ParticipantSelection("oracle", null, default, Key).ToString());
    }

    /// <summary>Waits for the one-trial evaluation, which only scores 1 when its secrets reached the participants; reads what was stored.</summary>
    private async Task<(EvaluationSnapshot Done, EvaluationState Evaluation, TrialState Trial)> FinishedWithSecretsAsync(IEvaluationGrain grain)
    {
        var done = await grain.WaitForTerminalAsync();
        Assert.Equal(1.0, Assert.Single(done.Trials).Reward);
        string id = grain.GetPrimaryKeyString();
        var evaluation = await ReadAsync<EvaluationState>("evaluation", id);
        var trial = await ReadAsync<TrialState>("trial", GrainKeys.Trial(id, "inc_a", 0));
        Assert.NotNull(evaluation.ProtectedSecrets);
        return (done, evaluation, trial);
    }

    private async Task<T> ReadAsync<T>(string grainType, string key) where T : class, new() =>
        await fixture.StoredStateAsync<T>(grainType, GrainId.Create(grainType, key))
        ?? throw new Xunit.Sdk.XunitException($"no stored {grainType} state for {key}");
}
