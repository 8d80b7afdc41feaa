using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Values;

/// <summary>
/// A Python dict: string keys in insertion order, values of any Python-like kind
/// (null, bool, long, double, string, DateOnly, DateTime, List&lt;object?&gt;, PyDict).
/// Insertion order matters because tau2 renders plain dicts in that order.
/// </summary>
public class PyDict : OrderedDictionary<string, object?>
{
    public PyDict() : base(StringComparer.Ordinal) { }

    public PyDict(int capacity) : base(capacity, StringComparer.Ordinal) { }

    public PyDict(IEnumerable<KeyValuePair<string, object?>> items)
        : base(items is ICollection<KeyValuePair<string, object?>> c ? c.Count : 0, StringComparer.Ordinal)
    {
        foreach (var (k, v) in items) this[k] = v;
    }

    /// <summary>Python's <c>d[key]</c>: a missing key raises KeyError, whose text is the key's repr.</summary>
    public object? Item(string key) =>
        TryGetValue(key, out var v) ? v : throw new ToolCallException(PyRepr.Repr(key));

    public object? GetOrDefault(string key) => TryGetValue(key, out var v) ? v : null;
}
