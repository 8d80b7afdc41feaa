using Tau2Observe.Engine.Values;
using Tomlyn;
using Tomlyn.Model;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// Reads a TOML file into Python-like values: tables become insertion-ordered dicts, integers
/// stay <c>long</c> and floats <c>double</c> (as written), so the model validation that follows
/// sees exactly what tomllib would give Python.
/// </summary>
internal static class TomlDocument
{
    public static PyDict Load(string path)
    {
        var table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))
            ?? throw new FormatException($"{path}: empty TOML document");
        return ToDict(table);
    }

    private static PyDict ToDict(TomlTable table)
    {
        var d = new PyDict();
        foreach (var (k, v) in table) d[k] = Convert(v);
        return d;
    }

    private static object? Convert(object? v) => v switch
    {
        null => null,
        TomlTable t => ToDict(t),
        TomlTableArray ta => ta.Select(t => (object?)ToDict(t)).ToList(),
        TomlArray a => a.Select(Convert).ToList(),
        string or bool or long or double => v,
        int i => (long)i,
        float f => (double)f,
        // tau2's telecom files quote every date, so native TOML date-times never occur there
        _ => throw new FormatException($"unsupported TOML value of type {v.GetType().Name}"),
    };
}
