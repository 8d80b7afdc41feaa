using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tau2Observe.Cli.Traffic;

namespace Tau2Observe.Cli.Output;

/// <summary>The traffic generator's summary: one row per request and the totals, as a table or as JSON.</summary>
public static class TrafficOutput
{
    public static void Write(IAnsiConsole console, IReadOnlyList<TrafficOutcome> outcomes)
    {
        var table = new Table()
            .AddColumn("#").AddColumn("domain").AddColumn("agent").AddColumn("result").AddColumn("state")
            .AddColumn(new TableColumn("avg reward").RightAligned()).AddColumn(new TableColumn("sims").RightAligned())
            .AddColumn("terminations").AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var o in outcomes.OrderBy(o => o.Request.Index))
            table.AddRow(
                o.Request.Index.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(o.Request.Domain),
                Markup.Escape(o.Request.AgentUrl),
                o.Succeeded ? "[green]ok[/]" : "[red]failed[/]",
                Markup.Escape(o.FinalState ?? "-"),
                o.AvgReward?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                o.Simulations?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(string.Join(", ", o.TerminationCounts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"))),
                o.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var o in outcomes.Where(o => !o.Succeeded).OrderBy(o => o.Request.Index))
            console.MarkupLine($"[red]#{o.Request.Index}:[/] {Markup.Escape(o.Error!)}");
        int ok = outcomes.Count(o => o.Succeeded);
        console.MarkupLine($"{ok} of {outcomes.Count} evaluations succeeded");
    }

    public static JsonObject ToJson(IReadOnlyList<TrafficOutcome> outcomes) => new()
    {
        ["requests"] = outcomes.Count,
        ["succeeded"] = outcomes.Count(o => o.Succeeded),
        ["failed"] = outcomes.Count(o => !o.Succeeded),
        ["evaluations"] = new JsonArray(outcomes.OrderBy(o => o.Request.Index).Select(o => (JsonNode?)new JsonObject
        {
            ["index"] = o.Request.Index,
            ["domain"] = o.Request.Domain,
            ["agent_url"] = o.Request.AgentUrl,
            ["succeeded"] = o.Succeeded,
            ["error"] = o.Error,
            ["final_state"] = o.FinalState,
            ["evaluation_id"] = o.EvaluationId,
            ["events"] = o.Events,
            ["seconds"] = Math.Round(o.Seconds, 3),
            ["avg_reward"] = o.AvgReward,
            ["simulations"] = o.Simulations,
            ["termination_counts"] = new JsonObject(o.TerminationCounts.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        }).ToArray()),
    };
}
