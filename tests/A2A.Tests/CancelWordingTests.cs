using Tau2Observe.Engine.Simulation;
using Tau2Observe.Gateway;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.A2A.Tests;

/// <summary>A cancelled (or failed) evaluation says how many simulations finished and how many were cancelled, in words and in counts.</summary>
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
    public void A_cancelled_simulation_is_reported_as_cancelled_and_not_counted_as_completed()
    {
        var started = new EvaluationSnapshot { EvaluationId = "eval-1", Status = EvaluationStatus.Working, TotalTrials = 3 };
        var cancelled = new TrialResult { TaskId = "1", TerminationReason = TerminationReason.Cancelled };
        var counts = SimulationCounts.Of([new TrialResult { TaskId = "0", TerminationReason = TerminationReason.UserStop }, cancelled]);

        var update = EvaluationTasks.TrialFinished(started, "ctx", cancelled, counts, 3);

        Assert.Equal("Cancelled task 1, trial 0: 1 of 3 simulations finished, 1 cancelled", ((Tau2Observe.Engine.A2A.TextPart)update.Status.Message!.Parts![0]).Text);
        Assert.Equal(1, (int)update.Metadata!["tau2.completed_simulations"]!);
        Assert.Equal(1, (int)update.Metadata["tau2.cancelled_simulations"]!);
        Assert.Equal(66, (int)update.Metadata["tau2.progress"]!); // two of three simulations have ended, one way or the other
    }

    [Fact]
    public void A_failed_evaluation_counts_the_simulations_it_cancelled_apart()
    {
        var snapshot = Cancelled(
            new TrialResult { TaskId = "0", Reward = 1, TerminationReason = TerminationReason.UserStop },
            new TrialResult { TaskId = "1", TerminationReason = TerminationReason.Cancelled }) with { Status = EvaluationStatus.Failed, Error = "USER_MODEL_ERROR: key refused" };

        Assert.Equal("Evaluation eval-1 failed (1 of 2 simulations finished, 1 cancelled): USER_MODEL_ERROR: key refused", ResultDocument.Summary(snapshot));
        var progress = EvaluationTasks.Progress(snapshot);
        Assert.Equal((1, 1), ((int)progress["tau2.completed_simulations"]!, (int)progress["tau2.cancelled_simulations"]!));
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
