using Orleans.Runtime;
using Tau2Observe.Cli.Output;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Tests;

/// <summary>Following an evaluation whose cluster has gone for good ends with a clear error, not an endless retry.</summary>
public sealed class ProgressFollowerTests
{
    [Fact]
    public async Task A_cluster_that_stops_answering_is_given_up_after_the_silence_limit_naming_the_evaluation()
    {
        var started = new EvaluationSnapshot { EvaluationId = "eval-gone", Status = EvaluationStatus.Working, TotalTrials = 2 };
        var output = new StringWriter();
        var follower = new ProgressFollower(output, clusterSilenceLimit: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<CliError>(() => follower.FollowAsync(new UnreachableEvaluation(), started, CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("lost the cluster", error.Message);
        Assert.Contains("--evaluation-id eval-gone", error.Message);
        Assert.Contains("lost track of the evaluation (SiloUnavailableException); retrying", output.ToString());
    }

    /// <summary>An evaluation grain whose silo is gone: every call fails as Orleans fails it.</summary>
    private sealed class UnreachableEvaluation : IEvaluationGrain
    {
        private static Exception Gone() => new SiloUnavailableException("the silo is gone");

        public Task<EvaluationSnapshot> Start(EvaluationRequest request, UserLlmKey? userKey = null) => throw Gone();
        public Task<EvaluationSnapshot> GetSnapshot() => throw Gone();
        public Task<EvaluationSnapshot> Cancel() => throw Gone();
        public Task<string> GetResultsJson() => throw Gone();

        public IAsyncEnumerable<ProgressEvent> Watch(CancellationToken cancellationToken = default) => Failing();

        // fails at its first MoveNextAsync, before the follower's snapshot call fails too
        private static async IAsyncEnumerable<ProgressEvent> Failing()
        {
            await Task.CompletedTask;
            throw Gone();
#pragma warning disable CS0162 // an iterator needs a yield to be one
            yield break;
#pragma warning restore CS0162
        }
    }
}
