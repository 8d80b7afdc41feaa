using System.Text;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Airline;

/// <summary>
/// The Python built-ins the airline tools apply to raw arguments (<c>iter</c>, <c>len</c>,
/// <c>in</c> and <c>[]</c> on dicts, attribute access), raising CPython's error texts when an
/// argument has the wrong kind.
/// </summary>
internal static class PythonBuiltins
{
    /// <summary>Python iteration: a string by character, a list by item, a dict by key.</summary>
    public static List<object?> Iterate(object? v) => v switch
    {
        string s => CodePoints(s).Select(c => (object?)c).ToList(),
        List<object?> l => [.. l],
        PyDict d => d.Keys.Select(k => (object?)k).ToList(),
        _ => throw NotIterable(v),
    };

    private static ToolCallException NotIterable(object? v) => new($"'{PyValue.TypeName(v)}' object is not iterable");

    public static long Len(object? v) => v switch
    {
        string s => CodePoints(s).Count(),
        List<object?> l => l.Count,
        PyDict d => d.Count,
        _ => throw new ToolCallException($"object of type '{PyValue.TypeName(v)}' has no len()"),
    };

    /// <summary><c>key in d</c> for a dict with string keys; unhashable keys raise as in Python.</summary>
    public static bool Contains(PyDict d, object? key)
    {
        RequireHashable(key);
        return key is string s && d.ContainsKey(s);
    }

    /// <summary><c>d[key]</c>: KeyError text is the key's repr.</summary>
    public static object? GetItem(PyDict d, object? key)
    {
        RequireHashable(key);
        if (key is string s && d.TryGetValue(s, out var v)) return v;
        throw new ToolCallException(PyRepr.Repr(key));
    }

    private static void RequireHashable(object? key)
    {
        if (key is List<object?> || (key is PyDict && key is not PyRecord))
            throw new ToolCallException($"unhashable type: '{PyValue.TypeName(key)}'");
    }

    /// <summary><c>obj.name</c> on a model instance; anything else lacks the attribute.</summary>
    public static object? GetAttr(object? obj, string modelName, string name)
    {
        if (obj is PyRecord r && r.ModelName == modelName) return r[name];
        throw new ToolCallException($"'{PyValue.TypeName(obj)}' object has no attribute '{name}'");
    }

    /// <summary>Python's <c>str()</c> as used by f-strings.</summary>
    public static string Str(object? v) => PyRepr.Str(v);

    /// <summary>Python's <c>int(text)</c> for a decimal string.</summary>
    public static long ParseInt(string text)
    {
        if (long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long l))
            return l;
        throw new ToolCallException($"invalid literal for int() with base 10: {PyRepr.ReprString(text)}");
    }

    private static IEnumerable<string> CodePoints(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i, 2);
                i++;
            }
            else yield return s[i].ToString();
        }
    }

    /// <summary>The string repeated n times (Python's <c>str * int</c>).</summary>
    public static string Repeat(string s, long n)
    {
        if (n <= 0 || s.Length == 0) return "";
        var sb = new StringBuilder(checked((int)(s.Length * n)));
        for (long i = 0; i < n; i++) sb.Append(s);
        return sb.ToString();
    }
}
