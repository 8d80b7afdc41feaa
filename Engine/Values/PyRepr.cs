using System.Globalization;
using System.Numerics;
using System.Text;

namespace Tau2Observe.Engine.Values;

/// <summary>Python's <c>repr()</c> and <c>str()</c> for Python-like values.</summary>
public static class PyRepr
{
    public static string Repr(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        string s => ReprString(s),
        PyRecord r => r.ModelName + "(" + string.Join(", ", r.Select(kv => kv.Key + "=" + Repr(kv.Value))) + ")",
        PyDict d => "{" + string.Join(", ", d.Select(kv => ReprString(kv.Key) + ": " + Repr(kv.Value))) + "}",
        List<object?> l => "[" + string.Join(", ", l.Select(Repr)) + "]",
        DateOnly date => $"datetime.date({date.Year}, {date.Month}, {date.Day})",
        _ => v.ToString() ?? "",
    };

    /// <summary>Python's <c>str()</c>: strings as-is, everything else as its repr (dates in ISO-with-space form).</summary>
    public static string Str(object? v) => v switch
    {
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => PyDates.StrDateTime(dt),
        _ => Repr(v),
    };

    /// <summary>Python string repr: single quotes unless the text has a single quote and no double quote.</summary>
    public static string ReprString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
        return sb.ToString();
    }
}
