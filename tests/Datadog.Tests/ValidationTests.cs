using System.Text.Json.Nodes;
using Tau2Observe.Datadog.Resources;
using Tau2Observe.Datadog.Validation;

namespace Tau2Observe.Datadog.Tests;

/// <summary>
/// The repository's files must validate, and the validator must catch the reference's defects
/// (spec §F) when they are put back into a copy of a valid file.
/// </summary>
public sealed class ValidationTests
{
    private static readonly IReadOnlyList<ResourceFile> Files = DeployDirectory.Load(CommandRunner.DeployDirectoryPath);

    [Fact]
    public void Every_file_in_deploy_datadog_validates()
    {
        Assert.Empty(ResourceValidator.Validate(Files));
        Assert.Equal(7, Files.Count(f => f.Kind == ResourceKind.Monitor));
        Assert.Equal(4, Files.Count(f => f.Kind == ResourceKind.Slo));
        Assert.Equal(2, Files.Count(f => f.Kind == ResourceKind.Dashboard));
        Assert.Single(Files, f => f.Kind == ResourceKind.CaseProject);
    }

    [Fact]
    public async Task Validate_command_accepts_the_repository_files_without_keys()
    {
        var (exit, output) = await CommandRunner.RunAsync(new DatadogSettings(null, null), "validate", "--dir", CommandRunner.DeployDirectoryPath);

        Assert.True(exit == 0, output);
        Assert.Contains($"validate: {Files.Count} file(s) valid", output);
    }

    [Fact]
    public async Task Setup_refuses_invalid_files_before_sending_anything()
    {
        var dir = Directory.CreateTempSubdirectory("tau2obs-datadog-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "monitors"));
            var broken = Copy("dr-003-token-cost-anomaly.json");
            broken["query"] = "avg(last_15m):anomalies(sum:tau2.llm.token_price{*}.as_count(), 'agile', 2, direction='above') >= 1";
            File.WriteAllText(Path.Combine(dir.FullName, "monitors", "dr-003.json"), broken.ToJsonString());
            await using var fake = await FakeDatadogApi.StartAsync();

            var (exit, output) = await CommandRunner.RunAsync(fake.Settings, "setup", "--dir", dir.FullName);

            Assert.Equal(1, exit);
            Assert.Contains("tau2.llm.token_price is not emitted", output);
            Assert.Empty(fake.Requests);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("sum(last_1h):sum:tau2.tool.correct{*} by {task_id}.as_count() > 3", "cannot be grouped by 'task_id'")]
    [InlineData("sum(last_15m):sum:tau2.assertion.result{met:false} by {difficulty,type}.as_count() > 10", "cannot be grouped by 'difficulty'")]
    [InlineData("sum(last_1h):sum:tau2.termination{reason:max_errors} by {domain}.as_count() > 3", "never has the value 'max_errors'")]
    [InlineData("sum(last_15m):sum:tau2.assertion.result{type:check_nl_assertion}.as_count() > 10", "never has the value 'check_nl_assertion'")]
    [InlineData("percentile(last_10m):p99:tau2.simulator.cost_usd{*} > 60", "need a distribution")]
    [InlineData("avg(last_10m):avg:tau2.task.reward{upper:60} < 0.5", "has no tag 'upper'")]
    [InlineData("avg(last_10m):avg:tau2.evaluation.pass_rate{*}.as_count() < 50", ".as_count() applies to counts")]
    [InlineData("avg(last_15m):avg:tau2.evaluation.pass_hat_4{*} < 0.03", "tau2.evaluation.pass_hat_4 is not emitted")]
    [InlineData("avg(last_10m):avg:tau2.task.reward{$domain} < 0.5", "template variable $domain is not defined")]
    [InlineData("avg(last_10m):avg:tau2.task.reward{*} by {domain < 0.5", "unclosed '{'")]
    [InlineData("avg:tau2.task.reward{*} < 0.5", "query must read")]
    public void Monitor_queries_are_checked_against_the_metrics_we_emit(string query, string expected)
    {
        var monitor = Copy("dr-007-high-assertion-failure-rate.json");
        monitor["query"] = query;
        monitor["message"] = "plain";
        monitor["options"]!.AsObject().Remove("escalation_message");

        AssertIssue(ResourceKind.Monitor, monitor, expected);
    }

    [Fact]
    public void Monitor_thresholds_must_agree_with_the_query()
    {
        var monitor = Copy("dr-002-task-quality-degradation.json");
        monitor["options"]!["thresholds"] = new JsonObject { ["critical"] = 0.4, ["warning"] = 0.3 };

        var issues = Validate(ResourceKind.Monitor, monitor);

        Assert.Contains(issues, i => i.Contains("must equal the query threshold (0.5)"));
        Assert.Contains(issues, i => i.Contains("warning threshold (0.3) must be reached before the critical one"));
    }

    [Fact]
    public void Anomaly_monitors_need_threshold_windows_matching_the_alert_window()
    {
        var monitor = Copy("dr-003-token-cost-anomaly.json");
        monitor["options"]!.AsObject().Remove("threshold_windows");
        AssertIssue(ResourceKind.Monitor, monitor, "anomaly monitors need options.threshold_windows");

        monitor["options"]!["threshold_windows"] = new JsonObject { ["trigger_window"] = "last_30m", ["recovery_window"] = "last_15m" };
        AssertIssue(ResourceKind.Monitor, monitor, "trigger_window (last_30m) must equal alert_window (last_15m)");

        monitor["query"] = "avg(last_1h):anomalies(sum:tau2.simulator.cost_usd{*}, 'agile', 2, direction='above', alert_window='last_30m', interval=60, count_default_zero='true') >= 1";
        AssertIssue(ResourceKind.Monitor, monitor, "the agile algorithm needs a seasonality");
    }

    [Fact]
    public void Monitor_messages_need_closed_blocks_grouped_tag_variables_and_guarded_handles()
    {
        var monitor = Copy("dr-001-high-task-error-rate.json");
        monitor["message"] = "{{#is_alert}}Failures in {{domain.name}}{{/is_alert}}\n{{#is_warning}}warn\n@case-tau2observe";

        var issues = Validate(ResourceKind.Monitor, monitor);

        Assert.Contains(issues, i => i.Contains("{{#is_warning}} is never closed"));
        Assert.Contains(issues, i => i.Contains("{{domain.name}} needs the query to group by 'domain'"));
        Assert.Contains(issues, i => i.Contains("@case-tau2observe must sit inside {{#is_alert}}"));
    }

    [Fact]
    public void Monitor_schema_rejects_missing_fields_and_unknown_options()
    {
        var monitor = Copy("dr-005-task-latency-slo-breach.json");
        monitor.Remove("query");
        monitor["options"]!["notify_on_everything"] = true;

        var issues = Validate(ResourceKind.Monitor, monitor);

        Assert.Contains(issues, i => i.Contains("query") && i.Contains("(required)"));
        Assert.Contains(issues, i => i.Contains("notify_on_everything"));
    }

    [Fact]
    public void Slos_must_count_and_keep_warnings_above_targets()
    {
        var slo = Copy("perfect-task-rate.json");
        slo["query"]!["numerator"] = "avg:tau2.evaluation.pass_rate{*}";
        slo["thresholds"] = new JsonArray(new JsonObject { ["timeframe"] = "7d", ["target"] = 90.0, ["warning"] = 85.0 });

        var issues = Validate(ResourceKind.Slo, slo);

        Assert.Contains(issues, i => i.Contains("tau2.evaluation.pass_rate must be counted"));
        Assert.Contains(issues, i => i.Contains("the warning (85) must be stricter"));
    }

    [Fact]
    public void Slo_schema_rejects_unknown_timeframes_and_unmanaged_tags()
    {
        var slo = Copy("tool-accuracy.json");
        slo["thresholds"]![0]!["timeframe"] = "1d";
        slo["tags"] = new JsonArray("team:ai-platform");

        var issues = Validate(ResourceKind.Slo, slo);

        Assert.Contains(issues, i => i.Contains("/thresholds/0/timeframe"));
        Assert.Contains(issues, i => i.Contains("/tags") && i.Contains("(contains)"));
    }

    [Fact]
    public void Dashboard_variables_must_be_defined_used_and_carried_by_the_metric()
    {
        var dashboard = Copy("operations.json");
        var quickStats = dashboard["widgets"]!.AsArray().Last()!["definition"]!["widgets"]!.AsArray();
        quickStats[0]!["definition"]!["requests"]![0]!["q"] = "sum:tau2.assertion.result{$difficulty,$team}.as_count()";
        dashboard["template_variables"]!.AsArray().Add(new JsonObject { ["name"] = "unused", ["prefix"] = "domain", ["default"] = "*" });

        var issues = Validate(ResourceKind.Dashboard, dashboard);

        Assert.Contains(issues, i => i.Contains("$difficulty filters tag 'difficulty', which tau2.assertion.result does not carry"));
        Assert.Contains(issues, i => i.Contains("template variable $team is not defined"));
        Assert.Contains(issues, i => i.Contains("template variable $unused is never used"));
    }

    [Fact]
    public void Dashboard_layouts_must_match_the_reflow_type()
    {
        var dashboard = Copy("agent-performance.json");
        dashboard["widgets"]![0]!["layout"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = 12, ["height"] = 2 };
        AssertIssue(ResourceKind.Dashboard, dashboard, "widgets must not carry a layout");

        dashboard["reflow_type"] = "fixed";
        AssertIssue(ResourceKind.Dashboard, dashboard, "every widget needs a layout");
    }

    [Fact]
    public void Dashboards_must_carry_the_managed_marker()
    {
        var dashboard = Copy("agent-performance.json");
        dashboard["description"] = "no marker";

        AssertIssue(ResourceKind.Dashboard, dashboard, "/description");
    }

    [Fact]
    public void Names_must_be_unique_within_a_kind()
    {
        var monitor = Files.First(f => f.Kind == ResourceKind.Monitor);
        var copy = monitor with { Path = "other.json" };

        var issues = ResourceValidator.Validate([monitor, copy]);

        Assert.Contains(issues, i => i.Contains($"the same Monitor name \"{monitor.Name}\" twice"));
    }

    private static JsonObject Copy(string fileName) => Files.Single(f => f.FileName == fileName).Body.DeepClone().AsObject();

    private static IReadOnlyList<string> Validate(ResourceKind kind, JsonObject body) =>
        ResourceValidator.Validate(new ResourceFile(kind, "test.json", body));

    private static void AssertIssue(ResourceKind kind, JsonObject body, string expected)
    {
        var issues = Validate(kind, body);
        Assert.True(issues.Any(i => i.Contains(expected, StringComparison.Ordinal)),
            $"expected an issue containing \"{expected}\"; got:\n{string.Join("\n", issues)}");
    }
}
