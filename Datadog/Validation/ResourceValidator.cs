using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// Checks deploy/datadog files before anything is sent: first the JSON Schema of the file's kind,
/// then (only when the shape is right) the semantic checks, then names unique within a kind,
/// since the provisioner matches existing resources by name.
/// </summary>
public static class ResourceValidator
{
    /// <summary>Every problem found, each prefixed with the file it is in; empty when all is well.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ResourceFile> files)
    {
        var issues = new List<string>();
        foreach (var file in files)
            issues.AddRange(Validate(file));
        foreach (var duplicate in files.GroupBy(f => (f.Kind, f.Name)).Where(g => g.Count() > 1))
            issues.Add($"{string.Join(", ", duplicate.Select(Where))}: the same {duplicate.Key.Kind} name \"{duplicate.Key.Name}\" twice.");
        if (files.Count(f => f.Kind == ResourceKind.CaseProject) > 1)
            issues.Add($"{DeployDirectory.FolderOf(ResourceKind.CaseProject)}: only one case project is supported.");
        return issues;
    }

    public static IReadOnlyList<string> Validate(ResourceFile file)
    {
        var where = Where(file);
        var issues = ResourceSchemas.Violations(file.Kind, file.Body).Select(v => $"{where}: {v}").ToList();
        if (issues.Count > 0) return issues;
        switch (file.Kind)
        {
            case ResourceKind.Monitor: MonitorChecks.Check(file.Body, issues, where); break;
            case ResourceKind.Slo: SloChecks.Check(file.Body, issues, where); break;
            case ResourceKind.Dashboard: DashboardChecks.Check(file.Body, issues, where); break;
        }
        return issues;
    }

    private static string Where(ResourceFile file) => $"{DeployDirectory.FolderOf(file.Kind)}/{file.FileName}";
}
