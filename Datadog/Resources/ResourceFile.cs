using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Resources;

/// <summary>One JSON file of deploy/datadog: the exact request body the Datadog API takes for its kind.</summary>
public sealed record ResourceFile(ResourceKind Kind, string Path, JsonObject Body)
{
    /// <summary>The name Datadog shows and the provisioner matches on (title for dashboards).</summary>
    public string Name => Kind switch
    {
        ResourceKind.Dashboard => Body["title"]?.GetValue<string>() ?? "",
        ResourceKind.CaseProject => Body["data"]?["attributes"]?["name"]?.GetValue<string>() ?? "",
        _ => Body["name"]?.GetValue<string>() ?? "",
    };

    public string FileName => System.IO.Path.GetFileName(Path);
}
