using System.Text.RegularExpressions;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>
/// Substitutes randomly generated identifiers (telecom's new bill ids, <c>B</c> + 8 hex digits)
/// with the placeholders a case declares, in order of first appearance.
/// </summary>
public sealed partial class PlaceholderMap
{
    private readonly List<string> _placeholders;
    private readonly Dictionary<string, string> _assigned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known;

    public PlaceholderMap(PyDict vector)
    {
        _placeholders = (vector.GetOrDefault("nondeterministic") as PyDict)?.GetOrDefault("placeholders") is List<object?> p
            ? p.Select(x => (string)x!).ToList()
            : [];
        // ids already present in the vector's own text are real ids, not generated ones
        _known = _placeholders.Count == 0 ? [] : BillId().Matches(PyJson.Dumps(vector.GetOrDefault("initial_state"))).Select(m => m.Value).ToHashSet();
    }

    public string Apply(string text)
    {
        if (_placeholders.Count == 0) return text;
        return BillId().Replace(text, m =>
        {
            if (_known.Contains(m.Value)) return m.Value;
            if (!_assigned.TryGetValue(m.Value, out var ph))
            {
                if (_assigned.Count >= _placeholders.Count) return m.Value;
                ph = _placeholders[_assigned.Count];
                _assigned[m.Value] = ph;
            }
            return ph;
        });
    }

    [GeneratedRegex(@"\bB[0-9a-f]{8}\b")]
    private static partial Regex BillId();
}
