using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// Renders a tool's return value as tau2 does: strings verbatim; everything else JSON-encoded
/// after conversion, where model records keep native numbers (dates in <c>str()</c> form) but
/// bare numbers and booleans in plain values become their <c>str()</c> text and dates ISO text.
/// </summary>
public static class ToolResultSerializer
{
    public static string ToContent(object? result) =>
        result is string s ? s : PyJson.Dumps(ConvertPlain(result));

    private static object? ConvertPlain(object? v) => v switch
    {
        null => null,
        string => v,
        PyRecord r => ConvertModel(r),
        PyDict d => Map(d, ConvertPlain),
        List<object?> l => l.Select(ConvertPlain).ToList(),
        DateOnly date => PyDates.IsoDate(date),
        DateTime dt => PyDates.IsoDateTime(dt),
        _ => PyRepr.Str(v),
    };

    private static object? ConvertModel(object? v) => v switch
    {
        PyDict d => Map(d, ConvertModel),
        List<object?> l => l.Select(ConvertModel).ToList(),
        DateOnly date => PyDates.IsoDate(date),
        DateTime dt => PyDates.StrDateTime(dt),
        _ => v,
    };

    private static PyDict Map(PyDict d, Func<object?, object?> convert)
    {
        var result = new PyDict(d.Count);
        foreach (var (k, val) in d) result.Add(k, convert(val));
        return result;
    }
}
