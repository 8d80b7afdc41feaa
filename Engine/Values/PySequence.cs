using System.Globalization;
using System.Numerics;
using System.Text;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Values;

/// <summary>
/// Python's built-in sequence operations over unvalidated tool arguments: <c>for x in v</c>,
/// <c>len(v)</c>, <c>v.count(x)</c>, <c>sorted(v)</c>, <c>a &lt; b</c>, with CPython's TypeError
/// and AttributeError texts when the argument has the wrong kind (a string iterates by character).
/// </summary>
public static class PySequence
{
    public static IEnumerable<object?> Iterate(object? v) => v switch
    {
        string s => Characters(s),
        List<object?> l => l,
        PyDict d => d.Keys,
        _ => throw new ToolCallException($"'{PyValue.TypeName(v)}' object is not iterable"),
    };

    public static List<object?> ToList(object? v) => Iterate(v).ToList();

    public static long Len(object? v) => v switch
    {
        string s => Characters(s).Count(),
        List<object?> l => l.Count,
        PyDict d => d.Count,
        _ => throw new ToolCallException($"object of type '{PyValue.TypeName(v)}' has no len()"),
    };

    /// <summary><c>container.count(item)</c>: list equality count, or non-overlapping substring count for a str.</summary>
    public static long Count(object? container, object? item)
    {
        switch (container)
        {
            case List<object?> l:
                return l.LongCount(x => PyEquality.Equals(x, item));
            case string s:
                if (item is not string sub) throw new ToolCallException($"must be str, not {PyValue.TypeName(item)}");
                if (sub.Length == 0) return Len(s) + 1;
                long n = 0;
                for (int at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal)) n++;
                return n;
            default:
                throw new ToolCallException($"'{PyValue.TypeName(container)}' object has no attribute 'count'");
        }
    }

    /// <summary>
    /// <c>sorted(v)</c>: a stable sort with Python's <c>&lt;</c>. Runs CPython's own steps (first run,
    /// then binary insertion) so that a mixed-kind list fails on the same pair CPython compares first.
    /// </summary>
    public static List<object?> Sorted(object? v)
    {
        var a = ToList(v);
        int n = a.Count;
        if (n < 2) return a;

        // count_run: the leading ascending or strictly descending run
        int run = 2;
        if (Less(a[1], a[0]))
        {
            while (run < n && Less(a[run], a[run - 1])) run++;
            a.Reverse(0, run);
        }
        else
        {
            while (run < n && !Less(a[run], a[run - 1])) run++;
        }

        // binarysort: insert the remaining elements after the last equal element
        for (int start = run; start < n; start++)
        {
            var pivot = a[start];
            int l = 0, r = start;
            do
            {
                int p = l + ((r - l) >> 1);
                if (Less(pivot, a[p])) r = p; else l = p + 1;
            } while (l < r);
            a.RemoveAt(start);
            a.Insert(l, pivot);
        }
        return a;
    }

    /// <summary>Python's <c>a &lt; b</c> for numbers, strings (by code point) and lists (lexicographic).</summary>
    public static bool Less(object? a, object? b)
    {
        if (PyValue.IsNumber(a) && PyValue.IsNumber(b))
            return PyValue.IsIntLike(a) && PyValue.IsIntLike(b) ? ToBig(a!) < ToBig(b!) : PyValue.ToDouble(a) < PyValue.ToDouble(b);
        if (a is string sa && b is string sb) return CompareCodePoints(sa, sb) < 0;
        if (a is List<object?> la && b is List<object?> lb)
        {
            int i = 0;
            while (i < la.Count && i < lb.Count && PyEquality.Equals(la[i], lb[i])) i++;
            if (i < la.Count && i < lb.Count) return Less(la[i], lb[i]);
            return la.Count < lb.Count;
        }
        throw new ToolCallException($"'<' not supported between instances of '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");
    }

    /// <summary>Ordinal comparison by Unicode code point (UTF-16 ordinal order differs above U+FFFF).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length)
        {
            int ca = CodePointAt(a, i), cb = CodePointAt(b, i);
            if (ca != cb) return ca.CompareTo(cb);
            i += ca > 0xFFFF ? 2 : 1;
        }
        return (a.Length - i).CompareTo(b.Length - i);
    }

    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    private static BigInteger ToBig(object v) => v switch
    {
        long l => l,
        int i => i,
        bool bo => bo ? 1 : 0,
        BigInteger bi => bi,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A str's characters as Python sees them: one element per code point.</summary>
    private static IEnumerable<object?> Characters(string s)
    {
        foreach (var rune in s.EnumerateRunes()) yield return rune.ToString();
    }
}
