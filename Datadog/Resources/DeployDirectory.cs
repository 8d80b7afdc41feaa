using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Resources;

/// <summary>
/// Reads deploy/datadog: <c>case-management/</c>, <c>monitors/</c>, <c>slos/</c> and <c>dashboards/</c>,
/// each holding <c>*.json</c> request bodies. A file that is not a JSON object is an error, not skipped.
/// </summary>
public static class DeployDirectory
{
    public const string RelativePath = "deploy/datadog";

    private static readonly (string Folder, ResourceKind Kind)[] Folders =
    [
        ("case-management", ResourceKind.CaseProject),
        ("monitors", ResourceKind.Monitor),
        ("slos", ResourceKind.Slo),
        ("dashboards", ResourceKind.Dashboard),
    ];

    public static string FolderOf(ResourceKind kind) => Folders.Single(f => f.Kind == kind).Folder;

    public static IReadOnlyList<ResourceFile> Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"No Datadog configuration directory at {directory}.");
        var files = new List<ResourceFile>();
        foreach (var (folder, kind) in Folders)
        {
            var path = System.IO.Path.Combine(directory, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
                files.Add(new ResourceFile(kind, file, Parse(file)));
        }
        return files;
    }

    /// <summary>deploy/datadog in the current directory or the nearest parent that has one.</summary>
    public static string? Locate(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, RelativePath);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static JsonObject Parse(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                ?? throw new InvalidDataException($"{file}: the top level must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not valid JSON ({e.Message}).", e);
        }
    }
}
