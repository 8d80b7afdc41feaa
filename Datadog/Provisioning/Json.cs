using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>Small readers for Datadog answers.</summary>
internal static class Json
{
    public static bool HasTag(JsonNode resource, string tag) =>
        resource["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == tag);
}
