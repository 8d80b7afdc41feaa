using Tau2Observe.Datadog.Resources;
using Tau2Observe.Datadog.Validation;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>
/// Applies deploy/datadog to a Datadog organisation. Setup is an idempotent upsert: resources
/// carrying <see cref="ManagedMarker"/> are matched by name and updated, the rest created; the case
/// project is created when its key is missing. Teardown deletes only marked resources. Each method
/// returns a process exit code; 401/403 answers propagate as <see cref="DatadogApiException"/>,
/// since with bad keys nothing else can succeed.
/// </summary>
public sealed class DatadogProvisioner(DatadogApiClient? api, TextWriter output)
{
    public async Task<int> SetupAsync(IReadOnlyList<ResourceFile> files, ProvisionOptions options, CancellationToken ct)
    {
        if (!ReportValidation(files)) return 1;
        var selected = files.Where(f => options.Includes(f.Kind)).ToList();
        if (options.DryRun)
        {
            foreach (var file in selected)
                output.WriteLine(file.Kind == ResourceKind.CaseProject
                    ? $"[dry-run] would create {Describe(file)} unless its key exists"
                    : $"[dry-run] would create or update {Describe(file)}");
            return 0;
        }

        var client = RequireApi();
        int failures = 0;
        foreach (var file in selected.Where(f => f.Kind == ResourceKind.CaseProject))
            failures += await AttemptAsync(file, () => EnsureCaseProjectAsync(new CaseProjectApi(client), file, ct));
        foreach (var resources in ResourceApis(client))
        {
            var kindFiles = selected.Where(f => f.Kind == resources.Kind).ToList();
            if (kindFiles.Count == 0) continue;
            var existing = await resources.ListManagedAsync(ct);
            foreach (var file in kindFiles)
                failures += await AttemptAsync(file, () => UpsertAsync(resources, existing, file, ct));
        }
        output.WriteLine(failures == 0 ? "setup: done" : $"setup: {failures} resource(s) failed");
        return failures == 0 ? 0 : 1;
    }

    public async Task<int> TeardownAsync(ProvisionOptions options, CancellationToken ct)
    {
        var kinds = new[] { ResourceKind.Dashboard, ResourceKind.Slo, ResourceKind.Monitor }.Where(options.Includes).ToList();
        if (options.DryRun)
        {
            foreach (var kind in kinds)
                output.WriteLine($"[dry-run] would delete every {Label(kind)} marked {ManagedMarker.Tag}");
            return 0;
        }

        var client = RequireApi();
        int failures = 0;
        // Dashboards first: they display the SLOs and monitors deleted after them.
        foreach (var resources in ResourceApis(client).Reverse().Where(r => kinds.Contains(r.Kind)))
            foreach (var resource in await resources.ListManagedAsync(ct))
            {
                try
                {
                    await resources.DeleteAsync(resource.Id, ct);
                    output.WriteLine($"deleted {Label(resources.Kind)} \"{resource.Name}\" (id {resource.Id})");
                }
                catch (DatadogApiException e) when (!e.IsAuthenticationFailure)
                {
                    output.WriteLine($"error: {e.Message}");
                    failures++;
                }
            }
        if (options.Includes(ResourceKind.CaseProject))
            output.WriteLine("the case project is kept: it holds the cases already opened");
        output.WriteLine(failures == 0 ? "teardown: done" : $"teardown: {failures} deletion(s) failed");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Local checks of every file; with <paramref name="askApi"/> also Datadog's monitor validate endpoint.</summary>
    public async Task<int> ValidateAsync(IReadOnlyList<ResourceFile> files, bool askApi, CancellationToken ct)
    {
        bool valid = ReportValidation(files);
        if (askApi)
        {
            var client = RequireApi();
            foreach (var monitor in files.Where(f => f.Kind == ResourceKind.Monitor))
            {
                try
                {
                    await client.PostAsync("api/v1/monitor/validate", monitor.Body, ct);
                }
                catch (DatadogApiException e) when (!e.IsAuthenticationFailure)
                {
                    output.WriteLine($"{DeployDirectory.FolderOf(monitor.Kind)}/{monitor.FileName}: rejected by Datadog: {e.Message}");
                    valid = false;
                }
            }
        }
        output.WriteLine(valid ? $"validate: {files.Count} file(s) valid" : "validate: problems found");
        return valid ? 0 : 1;
    }

    private bool ReportValidation(IReadOnlyList<ResourceFile> files)
    {
        var issues = ResourceValidator.Validate(files);
        foreach (var issue in issues) output.WriteLine($"invalid: {issue}");
        return issues.Count == 0;
    }

    private async Task UpsertAsync(IManagedResourceApi resources, IReadOnlyList<ManagedResource> existing, ResourceFile file, CancellationToken ct)
    {
        var matches = existing.Where(r => r.Name == file.Name).ToList();
        if (matches.Count == 0)
        {
            var id = await resources.CreateAsync(file.Body, ct);
            output.WriteLine($"created {Describe(file)} (id {id})");
            return;
        }
        await resources.UpdateAsync(matches[0].Id, file.Body, ct);
        output.WriteLine($"updated {Describe(file)} (id {matches[0].Id})");
        if (matches.Count > 1)
            output.WriteLine($"warning: {matches.Count - 1} more managed {Label(file.Kind)}(s) named \"{file.Name}\" left as they are (teardown removes them)");
    }

    private async Task EnsureCaseProjectAsync(CaseProjectApi projects, ResourceFile file, CancellationToken ct)
    {
        var key = file.Body["data"]!["attributes"]!["key"]!.GetValue<string>();
        if (await projects.FindAsync(key, ct) is { } existingId)
        {
            output.WriteLine($"found {Describe(file)} with key {key} (id {existingId})");
            return;
        }
        var id = await projects.CreateAsync(file.Body, ct);
        output.WriteLine($"created {Describe(file)} with key {key} (id {id})");
    }

    /// <summary>Runs one resource's work; an error other than bad credentials is reported and counted, not fatal.</summary>
    private async Task<int> AttemptAsync(ResourceFile file, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (DatadogApiException e) when (!e.IsAuthenticationFailure)
        {
            output.WriteLine($"error: {Describe(file)} from {file.FileName}: {e.Message}");
            return 1;
        }
    }

    private DatadogApiClient RequireApi() =>
        api ?? throw new InvalidOperationException("This operation calls the Datadog API: set DD_API_KEY and DD_APP_KEY, or use --dry-run.");

    private static IEnumerable<IManagedResourceApi> ResourceApis(DatadogApiClient client) =>
        [new MonitorApi(client), new SloApi(client), new DashboardApi(client)];

    private static string Describe(ResourceFile file) => $"{Label(file.Kind)} \"{file.Name}\"";

    private static string Label(ResourceKind kind) => kind switch
    {
        ResourceKind.CaseProject => "case project",
        ResourceKind.Monitor => "monitor",
        ResourceKind.Slo => "SLO",
        ResourceKind.Dashboard => "dashboard",
        _ => kind.ToString(),
    };
}
