using System.Text.RegularExpressions;

namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// Sanity checks for Datadog metric query strings: balanced brackets and quotes, and for every
/// metric reference a known <c>tau2.*</c> metric, tags it really carries (filters, template
/// variables, group-by), values those tags can take, and aggregations that suit its type.
/// </summary>
public static partial class MetricQueryChecker
{
    [GeneratedRegex(@"(?<![\w.])(?<agg>avg|sum|min|max|count|p\d{1,2}(?:\.\d+)?)(?<threshold>\(v:\s*v\s*(?:<=|>=|<|>)\s*-?\d+(?:\.\d+)?\))?:(?<metric>[a-zA-Z][\w.]*)\{(?<scope>[^{}]*)\}(?:\s*by\s*\{(?<by>[^{}]*)\})?(?<fns>(?:\.\w+\(\))*)")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<![\w.])tau2\.[a-z]")]
    private static partial Regex MetricMentionPattern();

    private static readonly HashSet<string> KnownFunctions = ["as_count", "as_rate"];

    /// <param name="variables">Template variable name to the tag key it filters (empty outside dashboards).</param>
    public static IReadOnlyList<MetricReference> Check(
        string query, IReadOnlyDictionary<string, string> variables, ICollection<string> issues, string where)
    {
        CheckBalanced(query, issues, where);
        var references = ReferencePattern().Matches(query).Select(Parse).ToList();
        if (references.Count == 0)
            issues.Add($"{where}: no metric query found in \"{query}\".");
        else if (MetricMentionPattern().Count(query) > references.Count)
            issues.Add($"{where}: a tau2.* metric is referenced in a form that is not `<aggregation>:<metric>{{<scope>}}`: \"{query}\".");

        foreach (var reference in references)
            CheckReference(reference, variables, issues, where);
        return references;
    }

    private static MetricReference Parse(Match m)
    {
        static List<string> Items(string text) => text.Split(',').Select(s => s.Trim()).ToList();
        var functions = m.Groups["fns"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(f => f.TrimEnd('(', ')')).ToList();
        return new MetricReference(
            m.Groups["agg"].Value,
            m.Groups["threshold"].Success ? m.Groups["threshold"].Value : null,
            m.Groups["metric"].Value,
            Items(m.Groups["scope"].Value),
            m.Groups["by"].Success ? Items(m.Groups["by"].Value) : [],
            functions);
    }

    private static void CheckReference(MetricReference r, IReadOnlyDictionary<string, string> variables, ICollection<string> issues, string where)
    {
        var metric = MetricCatalogue.Find(r.Metric);
        if (metric is null)
        {
            issues.Add($"{where}: metric {r.Metric} is not emitted by Tau2Observe.");
            return;
        }
        bool HasTag(string tag) => metric.Tags.Contains(tag) || MetricCatalogue.ResourceTags.Contains(tag);

        foreach (var item in r.Scope)
        {
            if (item == "*") continue;
            if (item.Length == 0)
            {
                issues.Add($"{where}: empty filter item on {r.Metric}.");
                continue;
            }
            if (item.StartsWith('$'))
            {
                var name = item[1..].Split('.')[0];
                if (!variables.TryGetValue(name, out var tag))
                    issues.Add($"{where}: template variable ${name} is not defined.");
                else if (!HasTag(tag))
                    issues.Add($"{where}: ${name} filters tag '{tag}', which {r.Metric} does not carry (the widget would go empty when it is set).");
                continue;
            }
            var filter = item.TrimStart('!');
            int colon = filter.IndexOf(':');
            if (colon <= 0)
            {
                issues.Add($"{where}: filter '{item}' on {r.Metric} is not key:value.");
                continue;
            }
            var (key, value) = (filter[..colon], filter[(colon + 1)..]);
            if (!HasTag(key))
                issues.Add($"{where}: {r.Metric} has no tag '{key}'.");
            else if (!MetricCatalogue.IsPossibleValue(key, value))
                issues.Add($"{where}: tag '{key}' of {r.Metric} never has the value '{value}'.");
        }

        foreach (var key in r.GroupBy)
            if (!HasTag(key))
                issues.Add($"{where}: {r.Metric} cannot be grouped by '{key}': it has no such tag.");

        if ((r.IsPercentile || r.ThresholdCount is not null) && metric.Kind != MetricKind.Distribution)
            issues.Add($"{where}: percentiles and threshold counts need a distribution; {r.Metric} is a {metric.Kind.ToString().ToLowerInvariant()}.");
        foreach (var function in r.Functions)
        {
            if (!KnownFunctions.Contains(function))
                issues.Add($"{where}: unknown function .{function}() on {r.Metric}.");
            else if (metric.Kind != MetricKind.Count)
                issues.Add($"{where}: .{function}() applies to counts; {r.Metric} is a {metric.Kind.ToString().ToLowerInvariant()}.");
        }
    }

    private static void CheckBalanced(string query, ICollection<string> issues, string where)
    {
        var open = new Stack<char>();
        bool quoted = false;
        foreach (var c in query)
        {
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c is '(' or '{') open.Push(c);
            else if (c is ')' or '}')
            {
                if (open.Count == 0 || open.Pop() != (c == ')' ? '(' : '{'))
                {
                    issues.Add($"{where}: unbalanced '{c}' in \"{query}\".");
                    return;
                }
            }
        }
        if (quoted) issues.Add($"{where}: unterminated quote in \"{query}\".");
        else if (open.Count > 0) issues.Add($"{where}: unclosed '{open.Peek()}' in \"{query}\".");
    }
}
