using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Results;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// <c>tau2obs regrade FILE...</c>: re-grades stored results files (tau2-bench's, or ours from
/// <c>evaluate --output</c>) the way <c>tau2 evaluate-trajs</c> does, prints the metrics, and with
/// <c>--output-dir</c> writes each re-graded file there as <c>updated_&lt;name&gt;</c>.
/// Exit 0 when every simulation was graded, 1 when some could not be, 2 for unusable input.
/// </summary>
public static class RegradeCommand
{
    public const int AllGraded = 0, SomeNotGraded = 1;

    public static Command Create(CliDependencies dependencies)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "tau2 results files (info, tasks, simulations)", Arity = ArgumentArity.OneOrMore };
        var outputDir = new Option<DirectoryInfo?>("--output-dir", "-o") { Description = "write each re-graded file here as updated_<name>" };
        var judgeModel = new Option<string?>("--judge-model")
        {
            Description = $"LLM judge for NL_ASSERTION tasks (e.g. {LlmNlAssertionJudge.DefaultModel}); its key comes from the provider's environment variable",
        };
        var corrections = GradingCorrectionsOption.Create();
        var json = new Option<bool>("--json") { Description = "print one JSON object with each file's summary on stdout" };
        var command = new Command("regrade", "Re-grade stored tau2 results files, as tau2 evaluate-trajs does")
        {
            files, outputDir, judgeModel, corrections, json,
        };
        command.SetAction((parse, ct) => RunAsync(
            dependencies,
            parse.GetValue(files)!,
            parse.GetValue(outputDir),
            parse.GetValue(judgeModel),
            GradingOptions.FromNames(parse.GetValue(corrections)),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliDependencies dependencies, FileInfo[] files, DirectoryInfo? outputDir, string? judgeModel, GradingOptions options,
        bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            if (files.FirstOrDefault(f => !f.Exists) is { } missing) throw new CliError($"file not found: {missing.FullName}");
            // read everything first: a bad file stops the command before anything is written
            var documents = files.Select(f => (File: f, Document: Read(f))).ToList();
            var domains = Guard(dependencies.CreateDomains);
            var judge = judgeModel is null ? null : Guard(() => dependencies.CreateJudge(judgeModel));
            var regrader = new Regrader(domains, judge, options);

            var summaries = new JsonArray();
            int notGraded = 0;
            foreach (var (file, document) in documents)
            {
                RegradeReport report;
                try
                {
                    report = await regrader.RegradeAsync(document, ct);
                }
                catch (Exception e) when (e is ArgumentException or FormatException)
                {
                    throw new CliError($"{file.Name}: {e.Message}");
                }
                notGraded += report.Failed;
                string? written = null;
                if (outputDir is not null)
                {
                    outputDir.Create();
                    written = Path.Combine(outputDir.FullName, "updated_" + file.Name);
                    await File.WriteAllTextAsync(written, PyJson.Dumps(report.Regraded), CancellationToken.None);
                }
                if (json) summaries.Add(Summary(file, report, written, options));
                else WriteText(stdout, file, report, written);
                ReportFailures(stderr, file, report);
            }
            if (json) stdout.WriteLine(new JsonObject { ["files"] = summaries }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return notGraded == 0 ? AllGraded : SomeNotGraded;
        }
        catch (CliError e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }

    private static ResultsDocument Read(FileInfo file)
    {
        try
        {
            return ResultsDocument.Parse(File.ReadAllText(file.FullName));
        }
        catch (FormatException e)
        {
            throw new CliError($"{file.Name} is not a tau2 results file: {e.Message}");
        }
    }

    private static T Guard<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or LlmConfigurationException or ArgumentException)
        {
            throw new CliError(e.Message);
        }
    }

    private static void WriteText(TextWriter stdout, FileInfo file, RegradeReport report, string? written)
    {
        var m = report.Metrics;
        stdout.WriteLine($"{file.Name}: domain {report.Domain}, {report.Simulations.Count} simulations, "
            + $"{report.Changed} reward(s) differ from the stored ones, {report.Failed} could not be graded");
        stdout.WriteLine($"  avg reward: {Format(m.AvgReward)}");
        stdout.WriteLine("  " + string.Join("  ", m.PassHatKs.OrderBy(p => p.Key).Select(p => $"pass^{p.Key}: {Format(p.Value)}")));
        stdout.WriteLine(FormattableString.Invariant($"  successful: {m.Successes} of {m.Simulations} scored, {m.InfrastructureErrors} infrastructure errors"));
        stdout.WriteLine($"  avg agent cost: {Format(m.AvgAgentCost)}");
        foreach (var changed in report.Simulations.Where(s => s.Changed))
            stdout.WriteLine($"  changed: task {changed.TaskId} trial {changed.Trial}: {Format(changed.StoredReward)} -> {Format(changed.Reward)}");
        if (written is not null) stdout.WriteLine($"  written to {written}");
    }

    private static void ReportFailures(TextWriter stderr, FileInfo file, RegradeReport report)
    {
        const int shown = 5;
        var failures = report.Simulations.Where(s => s.Error is not null).ToList();
        foreach (var f in failures.Take(shown))
            stderr.WriteLine($"{file.Name}: task {f.TaskId} trial {f.Trial} could not be graded: {f.Error}");
        if (failures.Count > shown) stderr.WriteLine($"{file.Name}: ... and {failures.Count - shown} more");
    }

    private static JsonObject Summary(FileInfo file, RegradeReport report, string? written, GradingOptions options)
    {
        var m = report.Metrics;
        return new JsonObject
        {
            ["file"] = file.FullName,
            ["domain"] = report.Domain,
            ["grading_corrections"] = new JsonArray(options.ToNames().Select(n => (JsonNode?)n).ToArray()),
            ["simulations"] = report.Simulations.Count,
            ["successful_simulations"] = m.Successes,
            ["infrastructure_errors"] = m.InfrastructureErrors,
            ["not_graded"] = report.Failed,
            ["changed"] = report.Changed,
            ["avg_reward"] = Number(m.AvgReward),
            ["pass_hat_k"] = new JsonObject(m.PassHatKs.OrderBy(p => p.Key)
                .Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), Number(p.Value)))),
            ["avg_agent_cost"] = Number(m.AvgAgentCost),
            ["output"] = written,
            ["rewards"] = new JsonArray(report.Simulations.Select(s => (JsonNode?)new JsonObject
            {
                ["task_id"] = s.TaskId,
                ["trial"] = s.Trial,
                ["stored_reward"] = Number(s.StoredReward),
                ["reward"] = s.Reward,
                ["error"] = s.Error,
            }).ToArray()),
        };
    }

    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
