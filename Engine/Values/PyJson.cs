using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Tau2Observe.Engine.Values;

/// <summary>
/// JSON in Python's terms: parsing keeps integers (no '.', no exponent) as <c>long</c> and
/// other numbers as <c>double</c>; dumping reproduces <c>json.dumps</c> defaults
/// (", " and ": " separators, ASCII-only escapes, float repr, optional key sort).
/// </summary>
public static class PyJson
{
    public static object? Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read()) throw new JsonException("empty JSON document");
        var value = ReadValue(ref reader);
        if (reader.Read()) throw new JsonException("trailing data after JSON value");
        return value;
    }

    /// <summary>Parses when the text is JSON, otherwise returns the text itself (tau2's replay comparison rule).</summary>
    public static object? ParseOrString(string? text)
    {
        if (text is null) return null;
        try { return Parse(text); }
        catch (JsonException) { return text; }
    }

    public static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => ParseNumber(e.GetRawText()),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => ObjectFrom(e),
        _ => throw new JsonException($"unsupported JSON kind {e.ValueKind}"),
    };

    private static PyDict ObjectFrom(JsonElement e)
    {
        var d = new PyDict();
        foreach (var p in e.EnumerateObject()) d[p.Name] = FromElement(p.Value);
        return d;
    }

    internal static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                {
                    var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                    return ParseNumber(Encoding.ASCII.GetString(raw));
                }
            case JsonTokenType.StartArray:
                {
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                    return list;
                }
            case JsonTokenType.StartObject:
                {
                    var dict = new PyDict();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        string key = reader.GetString()!;
                        reader.Read();
                        dict[key] = ReadValue(ref reader); // duplicate keys: last wins, as in Python
                    }
                    return dict;
                }
            default: throw new JsonException($"unexpected token {reader.TokenType}");
        }
    }

    private static object ParseNumber(string raw)
    {
        if (raw.IndexOfAny(['.', 'e', 'E']) >= 0) return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        return BigInteger.Parse(raw, CultureInfo.InvariantCulture);
    }

    /// <summary><c>json.dumps(value)</c> with Python defaults; <paramref name="sortKeys"/> as <c>sort_keys=True</c>.
    /// Dates and date-times are written with <c>str()</c> (as <c>default=str</c> would).</summary>
    public static string Dumps(object? value, bool sortKeys = false)
    {
        var sb = new StringBuilder();
        Write(sb, value, sortKeys);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case BigInteger bi: sb.Append(bi.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(PyFloat.JsonRepr(d)); break;
            case string s: WriteString(sb, s); break;
            case DateOnly date: WriteString(sb, PyDates.IsoDate(date)); break;
            case DateTime dt: WriteString(sb, PyDates.StrDateTime(dt)); break;
            case PyDict dict:
                {
                    sb.Append('{');
                    bool first = true;
                    IEnumerable<KeyValuePair<string, object?>> items = sortKeys
                        ? dict.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                        : dict;
                    foreach (var (k, v) in items)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        WriteString(sb, k);
                        sb.Append(": ");
                        Write(sb, v, sortKeys);
                    }
                    sb.Append('}');
                    break;
                }
            case List<object?> list:
                {
                    sb.Append('[');
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        Write(sb, list[i], sortKeys);
                    }
                    sb.Append(']');
                    break;
                }
            default:
                WriteString(sb, PyRepr.Str(value));
                break;
        }
    }

    /// <summary>A JSON string with <c>ensure_ascii=True</c> escaping (lower-case hex, surrogate pairs as two escapes).</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
