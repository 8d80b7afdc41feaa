using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// What the monitor schema cannot express: the query's form and metrics, thresholds that agree with
/// the query, anomaly-monitor rules (spec §E), and a message whose blocks close and whose tag
/// variables exist in the query's group-by.
/// </summary>
internal static partial class MonitorChecks
{
    [GeneratedRegex(@"^(?<time>avg|sum|min|max|percentile|change|pct_change)\(last_\d+[mhdw]\):(?<expression>.+?)\s*(?<op>>=|<=|>|<)\s*(?<threshold>-?\d+(?:\.\d+)?)$", RegexOptions.Singleline)]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"anomalies\(.*?,\s*'(?<algorithm>\w+)'.*?alert_window='(?<window>last_\d+[mhdw])'", RegexOptions.Singleline)]
    private static partial Regex AnomalyPattern();

    [GeneratedRegex(@"\{\{\s*(?<tag>[\w-]+)\.name\s*\}\}")]
    private static partial Regex TagVariablePattern();

    [GeneratedRegex(@"\{\{\s*(?<mark>[#^/])\s*(?<name>\w+)[^}]*\}\}")]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\{\{#is_alert\}\}.*?\{\{/is_alert\}\}", RegexOptions.Singleline)]
    private static partial Regex AlertBlockPattern();

    [GeneratedRegex(@"@(case|incident)-[\w-]+")]
    private static partial Regex CaseOrIncidentHandlePattern();

    public static void Check(JsonObject monitor, ICollection<string> issues, string where)
    {
        var query = monitor["query"]!.GetValue<string>();
        var match = QueryPattern().Match(query);
        if (!match.Success)
        {
            issues.Add($"{where}: query must read `<avg|sum|min|max|percentile>(last_<n><m|h|d|w>):<expression> <comparator> <threshold>`.");
            return;
        }
        var expression = match.Groups["expression"].Value;
        var references = MetricQueryChecker.Check(expression, new Dictionary<string, string>(), issues, $"{where} query");

        var thresholds = monitor["options"]!["thresholds"]!.AsObject();
        double critical = thresholds["critical"]!.GetValue<double>();
        double queryThreshold = double.Parse(match.Groups["threshold"].Value, CultureInfo.InvariantCulture);
        if (critical != queryThreshold)
            issues.Add($"{where}: options.thresholds.critical ({critical}) must equal the query threshold ({queryThreshold}).");
        if (thresholds["warning"]?.GetValue<double>() is { } warning)
        {
            bool above = match.Groups["op"].Value.StartsWith('>');
            if (above ? warning >= critical : warning <= critical)
                issues.Add($"{where}: the warning threshold ({warning}) must be reached before the critical one ({critical}).");
        }

        bool percentileQuery = match.Groups["time"].Value == "percentile";
        if (percentileQuery != references.Any(r => r.IsPercentile))
            issues.Add($"{where}: `percentile(...)` monitors and `pNN:` aggregations go together.");

        if (expression.Contains("anomalies(", StringComparison.Ordinal))
            CheckAnomaly(monitor, expression, critical, issues, where);

        var groups = references.SelectMany(r => r.GroupBy).ToHashSet();
        CheckMessage(monitor["message"]!.GetValue<string>(), groups, issues, $"{where} message");
        if (monitor["options"]!["escalation_message"]?.GetValue<string>() is { } escalation)
            CheckMessage(escalation, groups, issues, $"{where} escalation_message");
    }

    private static void CheckAnomaly(JsonObject monitor, string expression, double critical, ICollection<string> issues, string where)
    {
        var anomaly = AnomalyPattern().Match(expression);
        if (!anomaly.Success)
        {
            issues.Add($"{where}: anomalies(...) needs an algorithm and alert_window='last_<n><unit>'.");
            return;
        }
        var algorithm = anomaly.Groups["algorithm"].Value;
        bool seasonal = expression.Contains("seasonality=", StringComparison.Ordinal);
        if (algorithm == "basic" && seasonal) issues.Add($"{where}: the basic algorithm takes no seasonality.");
        if (algorithm is "agile" or "robust" && !seasonal) issues.Add($"{where}: the {algorithm} algorithm needs a seasonality.");
        if (algorithm is not ("basic" or "agile" or "robust")) issues.Add($"{where}: unknown anomaly algorithm '{algorithm}'.");
        if (critical is <= 0 or > 1) issues.Add($"{where}: anomaly thresholds are fractions in (0, 1].");

        var trigger = monitor["options"]!["threshold_windows"]?["trigger_window"]?.GetValue<string>();
        if (trigger is null)
            issues.Add($"{where}: anomaly monitors need options.threshold_windows.");
        else if (trigger != anomaly.Groups["window"].Value)
            issues.Add($"{where}: threshold_windows.trigger_window ({trigger}) must equal alert_window ({anomaly.Groups["window"].Value}).");
    }

    private static void CheckMessage(string message, IReadOnlySet<string> groups, ICollection<string> issues, string where)
    {
        var open = new Stack<string>();
        foreach (Match block in BlockPattern().Matches(message))
        {
            var name = block.Groups["name"].Value;
            if (block.Groups["mark"].Value != "/") open.Push(name);
            else if (open.Count == 0 || open.Pop() != name)
            {
                issues.Add($"{where}: {{{{/{name}}}}} closes a block that is not open.");
                return;
            }
        }
        if (open.Count > 0) issues.Add($"{where}: {{{{#{open.Peek()}}}}} is never closed.");

        foreach (var tag in TagVariablePattern().Matches(message).Select(m => m.Groups["tag"].Value).Distinct())
            if (!groups.Contains(tag))
                issues.Add($"{where}: {{{{{tag}.name}}}} needs the query to group by '{tag}'.");

        // A case or incident handle outside {{#is_alert}} would open one on every state change (warn, recover, no data).
        var outsideAlert = AlertBlockPattern().Replace(message, "");
        foreach (Match handle in CaseOrIncidentHandlePattern().Matches(outsideAlert))
            issues.Add($"{where}: {handle.Value} must sit inside {{{{#is_alert}}}}...{{{{/is_alert}}}}.");
    }
}
