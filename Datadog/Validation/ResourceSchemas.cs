using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Validation;

/// <summary>The JSON Schemas (embedded from Datadog/Schemas) that describe each kind's API request body.</summary>
internal static class ResourceSchemas
{
    private static readonly Dictionary<ResourceKind, Lazy<JsonSchema>> Schemas = new()
    {
        [ResourceKind.CaseProject] = Load("case-project"),
        [ResourceKind.Monitor] = Load("monitor"),
        [ResourceKind.Slo] = Load("slo"),
        [ResourceKind.Dashboard] = Load("dashboard"),
    };

    /// <summary>One line per violation: the JSON pointer inside the file and what is wrong there.</summary>
    public static IEnumerable<string> Violations(ResourceKind kind, JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var result = Schemas[kind].Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) yield break;
        foreach (var detail in result.Details ?? [])
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                yield return $"{(detail.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {message} ({keyword})";
    }

    private static Lazy<JsonSchema> Load(string name) => new(() =>
    {
        var resource = $"Tau2Observe.Datadog.Schemas.{name}.schema.json";
        using var stream = typeof(ResourceSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });
}
