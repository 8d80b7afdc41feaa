using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>Strict JSON-value comparison: object key order ignored, arrays in order, numbers by value and kind.</summary>
public static class JsonDiff
{
    public static void Compare(string path, object? expected, object? actual, List<string> mismatches)
    {
        switch (expected)
        {
            case PyDict e when actual is PyDict a:
                foreach (var (k, ev) in e)
                {
                    if (!a.TryGetValue(k, out var av)) mismatches.Add($"{path}.{k}: missing (expected {Short(ev)})");
                    else Compare($"{path}.{k}", ev, av, mismatches);
                }
                foreach (var k in a.Keys.Where(k => !e.ContainsKey(k))) mismatches.Add($"{path}.{k}: unexpected key");
                return;
            case List<object?> e when actual is List<object?> a:
                if (e.Count != a.Count) { mismatches.Add($"{path}: expected {e.Count} items, got {a.Count}: {Short(actual)}"); return; }
                for (int i = 0; i < e.Count; i++) Compare($"{path}[{i}]", e[i], a[i], mismatches);
                return;
            default:
                if (PyJson.Dumps(expected) != PyJson.Dumps(actual))
                    mismatches.Add($"{path}: expected {Short(expected)}, got {Short(actual)}");
                return;
        }
    }

    private static string Short(object? v)
    {
        var s = PyJson.Dumps(v);
        return s.Length > 300 ? s[..300] + "..." : s;
    }
}
