using System.Numerics;

namespace Tau2Observe.Engine.Values;

/// <summary>
/// Python <c>==</c> over Python-like values: numbers by value regardless of int/float/bool,
/// strings ordinally, lists in order, dicts as unordered key sets, null only equals null.
/// </summary>
public static class PyEquality
{
    public static new bool Equals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (PyValue.IsNumber(a) && PyValue.IsNumber(b)) return NumbersEqual(a, b);
        switch (a)
        {
            case string sa: return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case PyDict da:
                if (b is not PyDict db || da.Count != db.Count) return false;
                foreach (var (k, v) in da)
                    if (!db.TryGetValue(k, out var w) || !Equals(v, w)) return false;
                return true;
            case List<object?> la:
                if (b is not List<object?> lb || la.Count != lb.Count) return false;
                for (int i = 0; i < la.Count; i++)
                    if (!Equals(la[i], lb[i])) return false;
                return true;
            default:
                return a.Equals(b);
        }
    }

    private static bool NumbersEqual(object a, object b)
    {
        if (PyValue.IsIntLike(a) && PyValue.IsIntLike(b)) return ToBig(a) == ToBig(b);
        return PyValue.ToDouble(a) == PyValue.ToDouble(b);
    }

    private static BigInteger ToBig(object v) => v switch
    {
        long l => l,
        int i => i,
        bool bo => bo ? 1 : 0,
        BigInteger bi => bi,
        _ => throw new InvalidOperationException(),
    };
}
