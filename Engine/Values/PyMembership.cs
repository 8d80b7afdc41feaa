using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Values;

/// <summary>
/// Python's <c>key in mapping</c> / <c>key in {set}</c> for str-keyed containers and unvalidated
/// keys: numbers, booleans and None are hashable but never equal a str key; lists and dicts
/// raise CPython's <c>unhashable type</c> TypeError.
/// </summary>
public static class PyMembership
{
    public static bool InDict(PyDict mapping, object? key) => key switch
    {
        string s => mapping.ContainsKey(s),
        _ => RequireHashable(key),
    };

    public static bool InSet(IReadOnlyCollection<string> set, object? key) => key switch
    {
        string s => set.Contains(s, StringComparer.Ordinal),
        _ => RequireHashable(key),
    };

    private static bool RequireHashable(object? key) =>
        key is List<object?> or PyDict
            ? throw new ToolCallException($"unhashable type: '{PyValue.TypeName(key)}'")
            : false;
}
