using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>Reads the <c>tags</c> array of a monitor or SLO as Datadog returns it.</summary>
internal static class ResourceTags
{
    public static bool Has(JsonNode resource, string tag) =>
        resource["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == tag);
}
