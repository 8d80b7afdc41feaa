using System.Text.RegularExpressions;
using Tau2Observe.Cli.Output;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Tests;

/// <summary>Plain (piped) progress output: every trial exactly once, counters 1..N exactly once each.</summary>
public sealed partial class ProgressFollowerTests
{
    [Fact]
    public async Task Trials_that_finish_before_the_watch_is_subscribed_are_printed_once_with_unique_counters()
    {
        // the reported bug: 5 of 10 trials finish between the start and the watch; the old follower
        // printed [6/10]..[10/10] for the watched ones and again for the 5 it found afterwards
        var grain = new ScriptedEvaluationGrain(totalTrials: 10, finishedUnseen: 5);

        var lines = await FollowAsync(grain);

        AssertEachTrialOnceWithCounters(lines, 10);
    }

    [Fact]
    public async Task A_watch_that_breaks_off_is_reopened_without_repeating_or_skipping_a_trial()
    {
        var grain = new ScriptedEvaluationGrain(totalTrials: 8, finishedUnseen: 2, breakWatchAfter: 3);

        var lines = await FollowAsync(grain);

        Assert.Equal(2, grain.WatchCalls);
        Assert.Single(lines, l => l.StartsWith("lost track of the evaluation (TimeoutException)", StringComparison.Ordinal));
        AssertEachTrialOnceWithCounters(lines.Where(l => l.StartsWith('[')).ToList(), 8);
    }

    private static async Task<List<string>> FollowAsync(ScriptedEvaluationGrain grain)
    {
        var output = new StringWriter(); // not the console: the plain, one-line-per-trial mode
        var started = await grain.GetSnapshot();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await new ProgressFollower(output).FollowAsync(grain, started, timeout.Token);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static void AssertEachTrialOnceWithCounters(IReadOnlyList<string> lines, int total)
    {
        var parsed = lines.Select(l => TrialLine().Match(l)).ToList();
        Assert.All(parsed, m => Assert.True(m.Success, $"not a trial line: {m.Value}"));
        Assert.Equal(Enumerable.Range(1, total).Select(i => $"{i}/{total}"), parsed.Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value}"));
        Assert.Equal(Enumerable.Range(0, total).Select(i => $"t{i:00}"), parsed.Select(m => m.Groups[3].Value).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\[(\d+)/(\d+)\] task (\S+) trial 0: reward 1 \(user_stop\)$")]
    private static partial Regex TrialLine();
}
