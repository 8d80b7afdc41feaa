using System.Globalization;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The few Python operations telecom tools apply to raw (unvalidated) argument values, with
/// CPython's TypeError/AttributeError texts, so that a wrong-kind argument fails exactly where
/// and how the reference fails (tool arguments are never coerced, see domain-telecom §0.2).
/// </summary>
internal static class PyOps
{
    /// <summary><c>obj.name</c> on a model record; anything else raises Python's AttributeError text.</summary>
    public static object? Attr(object? obj, string name)
    {
        if (obj is PyRecord r && r.TryGetValue(name, out var v)) return v;
        throw new ToolCallException($"'{PyValue.TypeName(obj)}' object has no attribute '{name}'");
    }

    /// <summary><c>obj.name = value</c> on a model record (no re-validation, as pydantic models do by default).</summary>
    public static void SetAttr(object? obj, string name, object? value)
    {
        if (obj is PyRecord r && r.ContainsKey(name)) { r[name] = value; return; }
        throw new ToolCallException($"'{PyValue.TypeName(obj)}' object has no attribute '{name}'");
    }

    /// <summary>A string method call such as <c>s.lower()</c> on a value that may not be a string.</summary>
    public static string RequireStr(object? v, string method) =>
        v as string ?? throw new ToolCallException($"'{PyValue.TypeName(v)}' object has no attribute '{method}'");

    public static object Add(object? a, object? b) => Arith(a, b, "+", (x, y) => x + y, (x, y) => x + y);

    public static object Sub(object? a, object? b) => Arith(a, b, "-", (x, y) => x - y, (x, y) => x - y);

    public static object Mul(object? a, object? b) => Arith(a, b, "*", (x, y) => x * y, (x, y) => x * y);

    public static bool Lt(object? a, object? b) => Compare(a, b, "<") < 0;
    public static bool Le(object? a, object? b) => Compare(a, b, "<=") <= 0;
    public static bool Ge(object? a, object? b) => Compare(a, b, ">=") >= 0;

    private static int Compare(object? a, object? b, string op)
    {
        if (PyValue.IsNumber(a) && PyValue.IsNumber(b)) return PyValue.ToDouble(a).CompareTo(PyValue.ToDouble(b));
        if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
        throw new ToolCallException($"'{op}' not supported between instances of '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");
    }

    private static object Arith(object? a, object? b, string op, Func<long, long, long> ints, Func<double, double, double> floats)
    {
        if (PyValue.IsNumber(a) && PyValue.IsNumber(b))
        {
            if (PyValue.IsIntLike(a) && PyValue.IsIntLike(b)) return ints(AsLong(a!), AsLong(b!));
            return floats(PyValue.ToDouble(a), PyValue.ToDouble(b));
        }
        throw new ToolCallException($"unsupported operand type(s) for {op}: '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");
    }

    private static long AsLong(object v) => v switch
    {
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        _ => (long)PyValue.ToDouble(v),
    };

    /// <summary>Python's <c>f"{x:.2f}"</c>: the exact binary value rounded half-to-even.</summary>
    public static string Fixed2(object? x)
    {
        if (x is string) throw new ToolCallException("Unknown format code 'f' for object of type 'str'");
        if (!PyValue.IsNumber(x))
            throw new ToolCallException($"unsupported format string passed to {PyValue.TypeName(x)}.__format__");
        return PyFloat.Round(PyValue.ToDouble(x), 2).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>s.lower()</c> (full Unicode lower-casing; invariant culture is the closest match).</summary>
    public static string Lower(object? v) => RequireStr(v, "lower").ToLowerInvariant();

    /// <summary><c>x in list</c> with Python equality.</summary>
    public static bool In(object? x, object? list) => list switch
    {
        List<object?> l => l.Any(item => PyEquality.Equals(item, x)),
        PyDict d => x is string s && d.ContainsKey(s),
        _ => throw new ToolCallException($"argument of type '{PyValue.TypeName(list)}' is not iterable"),
    };
}
