using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// Dashboard rules beyond the schema: layouts that agree with <c>reflow_type</c> (spec §E), template
/// variables that are defined and used, and every widget query checked against the metric catalogue
/// with template variables resolved to the tags they filter.
/// </summary>
internal static class DashboardChecks
{
    public static void Check(JsonObject dashboard, ICollection<string> issues, string where)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in dashboard["template_variables"]?.AsArray() ?? [])
        {
            var name = variable!["name"]!.GetValue<string>();
            if (!variables.TryAdd(name, variable["prefix"]!.GetValue<string>()))
                issues.Add($"{where}: template variable ${name} is defined twice.");
        }

        var widgets = AllWidgets(dashboard["widgets"]!.AsArray()).ToList();
        CheckLayouts(dashboard, widgets, issues, where);

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var widget in widgets)
        {
            var definition = widget["definition"]!;
            var title = definition["title"]?.GetValue<string>() ?? definition["type"]!.GetValue<string>();
            foreach (var request in definition["requests"]?.AsArray() ?? [])
            {
                if (request?["q"]?.GetValue<string>() is not { } query) continue;
                MetricQueryChecker.Check(query, variables, issues, $"{where} widget \"{title}\"");
                foreach (var name in variables.Keys.Where(n => query.Contains("$" + n, StringComparison.Ordinal)))
                    used.Add(name);
            }
        }
        foreach (var unused in variables.Keys.Except(used))
            issues.Add($"{where}: template variable ${unused} is never used by a widget.");
    }

    private static void CheckLayouts(JsonObject dashboard, List<JsonNode> widgets, ICollection<string> issues, string where)
    {
        var layoutType = dashboard["layout_type"]!.GetValue<string>();
        var reflow = dashboard["reflow_type"]?.GetValue<string>();
        int withLayout = widgets.Count(w => w["layout"] is not null);
        if (layoutType == "free" && reflow is not null)
            issues.Add($"{where}: reflow_type only applies to ordered dashboards.");
        bool layoutsRequired = layoutType == "free" || reflow == "fixed";
        if (layoutsRequired && withLayout != widgets.Count)
            issues.Add($"{where}: every widget needs a layout with this layout/reflow type ({widgets.Count - withLayout} have none).");
        if (!layoutsRequired && withLayout > 0)
            issues.Add($"{where}: with reflow_type auto (or none) widgets must not carry a layout ({withLayout} do); set reflow_type fixed to keep them.");
    }

    private static IEnumerable<JsonNode> AllWidgets(JsonArray widgets)
    {
        foreach (var widget in widgets)
        {
            yield return widget!;
            if (widget!["definition"]?["widgets"] is JsonArray children)
                foreach (var child in AllWidgets(children))
                    yield return child;
        }
    }
}
