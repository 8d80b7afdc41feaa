using System.Globalization;
using Spectre.Console;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Output;

/// <summary>The human-readable result: a per-task table, then the summary lines.</summary>
public static class ResultsReport
{
    public static void Write(IAnsiConsole console, EvaluationSnapshot snapshot)
    {
        var table = new Table().AddColumns("Task", "Trials", "Successes", "Avg reward", "Terminations");
        foreach (var taskId in snapshot.TaskIds)
        {
            var trials = snapshot.Trials.Where(t => t.TaskId == taskId).ToList();
            var scored = trials.Where(t => !TerminationReason.IsInfrastructure(t.TerminationReason)).ToList();
            table.AddRow(
                Markup.Escape(taskId),
                trials.Count.ToString(CultureInfo.InvariantCulture),
                scored.Count(t => PassHatK.IsSuccessful(t.Reward)).ToString(CultureInfo.InvariantCulture),
                scored.Count == 0 ? "-" : Format(scored.Average(t => t.Reward)),
                Markup.Escape(Counts(trials.GroupBy(t => t.TerminationReason).ToDictionary(g => g.Key, g => g.Count()))));
        }
        console.Write(table);

        var s = snapshot.Summary;
        console.WriteLine($"status: {snapshot.Status.ToString().ToLowerInvariant()}");
        if (s is null) return;
        console.WriteLine($"avg reward: {Format(s.AvgReward)}");
        console.WriteLine(string.Join("  ", s.PassHatK.OrderBy(p => p.Key).Select(p => $"pass^{p.Key}: {Format(p.Value)}{Interval(s, p.Key)}")));
        if (snapshot.Request?.Corrections is { Count: > 0 } corrections)
            console.WriteLine($"grading corrections: {string.Join(", ", corrections)}");
        console.WriteLine(FormattableString.Invariant(
            $"simulations: {s.Simulations} scored, {s.SuccessfulSimulations} successful, {s.InfrastructureErrors} infrastructure errors or cancelled"));
        console.WriteLine($"terminations: {Counts(s.TerminationCounts)}");
        console.WriteLine($"cost (USD): agent avg {Format(s.AvgAgentCost)} per simulation, user {Format(s.UserCost)}, total (agent and user) {Format(s.TotalCost)}");
        bool anyRan = snapshot.Trials.Any(t => t.Turns > 0);
        if (anyRan && (s.AvgAgentCost is null || s.UserCost is null || s.TotalCost is null)) console.WriteLine(UnknownCost);
        console.WriteLine(FormattableString.Invariant($"tokens: {s.PromptTokens} prompt, {s.CompletionTokens} completion, {s.CachedPromptTokens} cached prompt"));
    }

    /// <summary>Why a cost can be n/a: a cost is only a number when every message it sums has one, as in tau2.</summary>
    private const string UnknownCost =
        "n/a: not known, because a message had no cost: an A2A agent that reports no usage (tau2 records its agent_cost as null), " +
        "a model missing from the price table, or a task's message history";

    private static string Interval(EvaluationSummary s, int k) =>
        s.PassHatKLower.TryGetValue(k, out var lower) && s.PassHatKUpper.TryGetValue(k, out var upper)
            ? $" (95% CI {Format(lower)}-{Format(upper)})"
            : "";

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
