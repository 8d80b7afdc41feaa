using System.Text;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The <c>&lt;available_tools&gt;</c> block tau2-bench-agent appends to every user turn
/// (a2a.md §3.4), rendered from OpenAI-format tool definitions, byte for byte.
/// </summary>
public static class ToolCatalogueBlock
{
    public const string Instruction =
        "To use a tool, respond with JSON: {\"tool_call\": {\"name\": \"tool_name\", \"arguments\": {\"param1\": \"value\"}}}";

    /// <summary>The block for a JSON array of tool definitions, or null when there are no tools.</summary>
    public static string? Render(string toolsJson)
    {
        if (PyJson.Parse(toolsJson) is not List<object?> { Count: > 0 } tools) return null;
        var lines = new List<string> { "<available_tools>" };
        foreach (var tool in tools)
        {
            var function = (tool as PyDict)?.GetOrDefault("function") as PyDict
                ?? throw new FormatException("a tool definition needs a 'function' object");
            string name = function.GetOrDefault("name") as string ?? throw new FormatException("a tool definition needs a name");
            string description = function.GetOrDefault("description") as string ?? "No description available";
            var parameters = function.GetOrDefault("parameters") as PyDict;
            var properties = parameters?.GetOrDefault("properties") as PyDict ?? new PyDict();
            var required = (parameters?.GetOrDefault("required") as List<object?> ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);

            var signature = properties.Select(p => $"{p.Key}: {TypeOf(p.Value)}");
            lines.Add($"- {name}({string.Join(", ", signature)})");
            lines.Add($"  Description: {description}");
            if (properties.Count > 0)
            {
                lines.Add("  Parameters:");
                foreach (var (param, schema) in properties)
                {
                    string need = required.Contains(param) ? "required" : "optional";
                    string text = (schema as PyDict)?.TryGetValue("description", out var d) == true ? PyRepr.Str(d) : "No description";
                    lines.Add($"    - {param} ({TypeOf(schema)}, {need}): {text}");
                }
            }
            lines.Add("");
        }
        lines.Add("</available_tools>");
        lines.Add("");
        lines.Add(Instruction);
        return string.Join("\n", lines);
    }

    /// <summary>The schema's <c>type</c> as Python's str() shows it; <c>any</c> for anyOf/$ref schemas.</summary>
    private static string TypeOf(object? schema) =>
        (schema as PyDict)?.TryGetValue("type", out var type) == true ? PyRepr.Str(type) : "any";
}
