using System.Numerics;

namespace Tau2Observe.Engine.Values;

/// <summary>Helpers over Python-like values: type names, truthiness, numeric views and deep copies.</summary>
public static class PyValue
{
    /// <summary>The Python type name of a value, as CPython prints it in TypeError texts.</summary>
    public static string TypeName(object? v) => v switch
    {
        null => "NoneType",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        string => "str",
        PyRecord r => r.ModelName,
        PyDict => "dict",
        List<object?> => "list",
        DateOnly => "date",
        DateTime => "datetime",
        _ => v.GetType().Name,
    };

    public static bool IsNumber(object? v) => v is long or int or double or bool or BigInteger;

    public static bool IsIntLike(object? v) => v is long or int or bool or BigInteger;

    /// <summary>Numeric value of an int, float or bool (Python treats bool as int).</summary>
    public static double ToDouble(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        BigInteger bi => (double)bi,
        _ => throw new InvalidOperationException($"not a number: {TypeName(v)}"),
    };

    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        string s => s.Length > 0,
        PyDict d => d.Count > 0,
        List<object?> l => l.Count > 0,
        _ => true,
    };

    /// <summary>Deep copy of dicts, records and lists; scalars are immutable and shared.</summary>
    public static object? DeepClone(object? v) => v switch
    {
        PyRecord r => CloneInto(new PyRecord(r.ModelName, r.Count), r),
        PyDict d => CloneInto(new PyDict(d.Count), d),
        List<object?> l => l.Select(DeepClone).ToList(),
        _ => v,
    };

    public static T DeepClone<T>(T v) where T : PyDict => (T)DeepClone((object?)v)!;

    private static PyDict CloneInto(PyDict target, PyDict source)
    {
        foreach (var (k, val) in source) target.Add(k, DeepClone(val));
        return target;
    }
}
