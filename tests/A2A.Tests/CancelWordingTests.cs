using Tau2Observe.Engine.Simulation;
using Tau2Observe.Gateway;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.A2A.Tests;

/// <summary>A cancelled evaluation says how many simulations finished and how many were cancelled.</summary>
public sealed class CancelWordingTests
{
    [Fact]
    public void A_cancel_before_any_simulation_finished_says_none_finished()
    {
        var snapshot = Cancelled(
            new TrialResult { TaskId = "0", TerminationReason = TerminationReason.Cancelled },
            new TrialResult { TaskId = "1", TerminationReason = TerminationReason.Cancelled },
            new TrialResult { TaskId = "2", TerminationReason = TerminationReason.Cancelled });

        Assert.Equal("Evaluation eval-1 was cancelled: 0 of 3 simulations finished, 3 cancelled.", ResultDocument.Summary(snapshot));
    }

    [Fact]
    public void A_cancel_after_some_finished_counts_them_apart()
    {
        var snapshot = Cancelled(
            new TrialResult { TaskId = "0", Reward = 1, TerminationReason = TerminationReason.UserStop },
            new TrialResult { TaskId = "1", TerminationReason = TerminationReason.Cancelled },
            new TrialResult { TaskId = "2", TerminationReason = TerminationReason.Cancelled });

        Assert.Equal("Evaluation eval-1 was cancelled: 1 of 3 simulations finished, 2 cancelled.", ResultDocument.Summary(snapshot));
    }

    [Fact]
    public void A_cancelled_simulation_is_reported_as_cancelled_not_completed()
    {
        var started = new EvaluationSnapshot { EvaluationId = "eval-1", Status = EvaluationStatus.Working, TotalTrials = 3 };
        var update = EvaluationTasks.TrialFinished(started, "ctx", new TrialResult { TaskId = "0", TerminationReason = TerminationReason.Cancelled }, 1, 3);

        Assert.Equal("Cancelled task 0, trial 0 (1/3)", ((Tau2Observe.Engine.A2A.TextPart)update.Status.Message!.Parts![0]).Text);
    }

    private static EvaluationSnapshot Cancelled(params TrialResult[] trials) => new()
    {
        EvaluationId = "eval-1",
        Status = EvaluationStatus.Cancelled,
        TotalTrials = trials.Length,
        CompletedTrials = trials.Length,
        Trials = trials,
    };
}
