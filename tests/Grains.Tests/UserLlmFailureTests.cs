using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UserLlmFailureTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_rejected_user_key_fails_the_whole_evaluation_at_once()
    {
        var grain = _grains.NewGrain("user-auth");
        await grain.Start(Evaluations.Toy(agent: "test:user-auth-failed", numTasks: 2, numTrials: 2));

        var done = await grain.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Failed, done.Status);
        Assert.StartsWith("USER_LLM_AUTH_FAILED: gemini/gemini-2.5-flash: HTTP 401", done.Error);
        Assert.Equal(4, done.Trials.Count);
        // the trial(s) that met the rejection, and the rest stopped rather than run into it again
        Assert.Contains(done.Trials, t => t.TerminationReason == TerminationReason.InfrastructureError && t.Error!.StartsWith("USER_LLM_AUTH_FAILED"));
        Assert.All(done.Trials.Where(t => t.TerminationReason == TerminationReason.Cancelled),
            t => Assert.Equal("not run: the user model rejected the API key", t.Error));
    }

    [Fact]
    public async Task A_user_model_without_a_key_fails_its_trials_saying_which_variable_to_set()
    {
        // what a trial re-activated after a restart meets: the caller's key lived only in memory (GEMINI_API_KEY is not set in tests)
        var grain = _grains.NewGrain("user-nokey");
        await grain.Start(Evaluations.Toy(numTasks: 1, numTrials: 1) with { UserModel = "gemini/gemini-2.5-flash" });

        var done = await grain.WaitForTerminalAsync();

        var trial = Assert.Single(done.Trials);
        Assert.Equal(TerminationReason.InfrastructureError, trial.TerminationReason);
        Assert.Contains("No API key for gemini/gemini-2.5-flash", trial.Error);
        Assert.Contains("GEMINI_API_KEY", trial.Error);
    }
}
