using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>Small readers for task JSON with clear errors.</summary>
internal static class TaskJson
{
    public static string Str(PyDict d, string key) =>
        d.GetOrDefault(key) as string ?? throw new FormatException($"missing or non-string field '{key}'");

    public static List<string>? StrList(PyDict d, string key) =>
        d.GetOrDefault(key) is List<object?> list
            ? list.Select(x => x as string ?? throw new FormatException($"'{key}' must hold strings")).ToList()
            : null;
}
