using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// Whether two databases have the same canonical JSON (and so the same <see cref="DbHasher"/> hash)
/// without writing either out: environments share the pristine records they did not change, so
/// the root and its tables are compared key by key, shared records by reference, and only records
/// that differ by reference are compared by their canonical text. Keys are sorted in the canonical
/// form, so key order does not matter; anything else is compared exactly as it would be written.
/// </summary>
public static class DbComparer
{
    private const int StructureDepth = 2;

    public static bool CanonicallyEqual(object? a, object? b) => Equal(a, b, 0);

    private static bool Equal(object? a, object? b, int depth)
    {
        if (ReferenceEquals(a, b)) return true;
        if (depth < StructureDepth)
        {
            switch (a, b)
            {
                case (PyDict x, PyDict y):
                    if (x.Count != y.Count) return false;
                    foreach (var (key, value) in x)
                        if (!y.TryGetValue(key, out var other) || !Equal(value, other, depth + 1)) return false;
                    return true;
                case (List<object?> x, List<object?> y):
                    if (x.Count != y.Count) return false;
                    for (int i = 0; i < x.Count; i++)
                        if (!Equal(x[i], y[i], depth + 1)) return false;
                    return true;
            }
        }
        return DbHasher.CanonicalJson(a) == DbHasher.CanonicalJson(b);
    }
}
