using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Tests;

public sealed class ProvisioningTests : IAsyncLifetime
{
    private FakeDatadogApi _fake = null!;
    private readonly string _dir = CommandRunner.DeployDirectoryPath;
    private readonly IReadOnlyList<ResourceFile> _files = DeployDirectory.Load(CommandRunner.DeployDirectoryPath);

    public async Task InitializeAsync() => _fake = await FakeDatadogApi.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private int FileCount(ResourceKind kind) => _files.Count(f => f.Kind == kind);

    [Fact]
    public async Task Setup_twice_creates_each_resource_once_and_then_updates_it()
    {
        var first = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir);
        var second = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(FileCount(ResourceKind.Monitor), _fake.Monitors.Count);
        Assert.Equal(FileCount(ResourceKind.Slo), _fake.Slos.Count);
        Assert.Equal(FileCount(ResourceKind.Dashboard), _fake.Dashboards.Count);
        Assert.Single(_fake.CaseProjects);
        Assert.Equal(FileCount(ResourceKind.Monitor), _fake.CountRequests("POST", "/api/v1/monitor"));
        Assert.Equal(FileCount(ResourceKind.Monitor), _fake.CountRequestsUnder("PUT", "/api/v1/monitor/"));
        Assert.Equal(FileCount(ResourceKind.Slo), _fake.CountRequestsUnder("PUT", "/api/v1/slo/"));
        Assert.Equal(FileCount(ResourceKind.Dashboard), _fake.CountRequestsUnder("PUT", "/api/v1/dashboard/"));
        Assert.Equal(1, _fake.CountRequests("POST", "/api/v2/cases/projects"));
        Assert.DoesNotContain("created", second.Output);
        Assert.Contains("updated monitor \"tau2-bench: High Task Error Rate\"", second.Output);
    }

    [Fact]
    public async Task Setup_sends_each_file_unchanged_and_keeps_foreign_resources()
    {
        _fake.AddForeignResources();
        var (exit, output) = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir);

        Assert.True(exit == 0, output);
        var monitorFile = _files.First(f => f.Kind == ResourceKind.Monitor);
        var sent = _fake.Monitors.Values.Single(m => m["name"]!.GetValue<string>() == monitorFile.Name);
        sent.Remove("id");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(monitorFile.Body, sent));
        Assert.Equal(FileCount(ResourceKind.Monitor) + 1, _fake.Monitors.Count);
    }

    [Fact]
    public async Task Teardown_removes_only_managed_resources()
    {
        _fake.AddForeignResources();
        Assert.Equal(0, (await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir)).ExitCode);

        var (exit, output) = await CommandRunner.RunAsync(_fake.Settings, "teardown");

        Assert.True(exit == 0, output);
        Assert.Equal(["payments: error rate"], _fake.Monitors.Values.Select(m => m["name"]!.GetValue<string>()));
        Assert.Equal(["payments availability"], _fake.Slos.Values.Select(s => s["name"]!.GetValue<string>()));
        Assert.Equal(["Payments"], _fake.Dashboards.Values.Select(d => d["title"]!.GetValue<string>()));
        Assert.Single(_fake.CaseProjects);
        Assert.Contains("case project is kept", output);
    }

    [Fact]
    public async Task Dry_run_sends_nothing_and_says_what_it_would_do()
    {
        var setup = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir, "--dry-run");
        var teardown = await CommandRunner.RunAsync(_fake.Settings, "teardown", "--dry-run");

        Assert.Empty(_fake.Requests);
        Assert.Equal(0, setup.ExitCode);
        Assert.Equal(0, teardown.ExitCode);
        Assert.Contains("[dry-run] would create or update monitor \"tau2-bench: Task Latency SLO Breach\"", setup.Output);
        Assert.Contains("[dry-run] would create or update dashboard \"tau2-bench Operations & Actionable Items\"", setup.Output);
        Assert.Contains("[dry-run] would create case project \"tau2observe\" unless its key exists", setup.Output);
        Assert.Contains($"[dry-run] would delete every SLO marked {ManagedMarker.Tag}", teardown.Output);
    }

    [Fact]
    public async Task Dry_run_needs_no_keys()
    {
        var (exit, output) = await CommandRunner.RunAsync(new DatadogSettings(null, null), "setup", "--dir", _dir, "--dry-run");

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Only_restricts_setup_to_one_kind()
    {
        var (exit, output) = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir, "--only", "slos");

        Assert.True(exit == 0, output);
        Assert.Equal(FileCount(ResourceKind.Slo), _fake.Slos.Count);
        Assert.Empty(_fake.Monitors);
        Assert.Empty(_fake.Dashboards);
        Assert.Empty(_fake.CaseProjects);
    }

    [Fact]
    public async Task Only_monitors_also_ensures_the_case_project_their_messages_use()
    {
        var (exit, output) = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir, "--only", "monitors");

        Assert.True(exit == 0, output);
        Assert.Equal(FileCount(ResourceKind.Monitor), _fake.Monitors.Count);
        Assert.Single(_fake.CaseProjects);
        Assert.Empty(_fake.Slos);
    }

    [Fact]
    public async Task Forbidden_gives_a_clear_error_that_names_no_key()
    {
        _fake.RejectAllKeys = true;

        var setup = await CommandRunner.RunAsync(_fake.Settings, "setup", "--dir", _dir);
        var teardown = await CommandRunner.RunAsync(_fake.Settings, "teardown");

        foreach (var (exit, output) in new[] { setup, teardown })
        {
            Assert.Equal(1, exit);
            Assert.Contains("Datadog refused the credentials (403 Forbidden)", output);
            Assert.Contains("DD_API_KEY", output);
            Assert.DoesNotContain(FakeDatadogApi.ApiKey, output);
            Assert.DoesNotContain(FakeDatadogApi.AppKey, output);
        }
        Assert.Equal(1, _fake.CountRequests("GET", "/api/v2/cases/projects"));
        Assert.Equal(0, _fake.CountRequestsUnder("POST", "/api/v1/"));
    }

    [Fact]
    public async Task Missing_keys_are_reported_before_any_request()
    {
        var (exit, output) = await CommandRunner.RunAsync(new DatadogSettings(null, null, "fake.test", _fake.BaseAddress), "setup", "--dir", _dir);

        Assert.Equal(1, exit);
        Assert.Contains("set DD_API_KEY and DD_APP_KEY", output);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Validate_with_api_asks_datadog_about_every_monitor()
    {
        var valid = await CommandRunner.RunAsync(_fake.Settings, "validate", "--dir", _dir, "--api");
        _fake.InvalidMonitorNames.Add("tau2-bench: Token Cost Anomaly");
        var rejected = await CommandRunner.RunAsync(_fake.Settings, "validate", "--dir", _dir, "--api");

        Assert.True(valid.ExitCode == 0, valid.Output);
        Assert.Equal(2 * FileCount(ResourceKind.Monitor), _fake.CountRequests("POST", "/api/v1/monitor/validate"));
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("monitors/dr-003-token-cost-anomaly.json: rejected by Datadog", rejected.Output);
    }
}
