using System.Text.Json;
using Orleans.Core.Internal;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TrialGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task An_interrupted_trial_resumes_from_its_checkpoint_on_reactivation()
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain("resume");
        var request = Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1);
        await evaluation.Start(request);
        await gate.Blocked.WaitAsync(Evaluations.Timeout);

        // the agent is blocked at its second turn: deactivate the trial, then re-drive it as its reminder would
        var evaluationId = evaluation.GetPrimaryKeyString();
        var trial = _grains.GetGrain<ITrialGrain>(GrainKeys.Trial(evaluationId, "inc_a", 0));
        await trial.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await gate.Interrupted.WaitAsync(Evaluations.Timeout);
        await trial.Start(new TrialAssignment
        {
            EvaluationId = evaluationId, TaskId = "inc_a", Trial = 0, Seed = PythonRandom.TrialSeeds(300, 1)[0], Request = request,
        });

        var done = await evaluation.WaitForTerminalAsync();

        Assert.Equal(1.0, Assert.Single(done.Trials).Reward);
        // greeting, user request, the agent's tool call and its result: the conversation carried on
        Assert.Equal(4, gate.HistoryAfterInterruption);
        using var run = JsonDocument.Parse((await trial.GetRunJson())!);
        var roles = run.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Equal(["assistant", "user", "assistant", "tool", "assistant", "user"], roles);
    }
}
