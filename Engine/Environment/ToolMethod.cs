using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// One public method of a toolkit. <see cref="Type"/> is null for methods that are callable from
/// task setup and assertions but not offered to any LLM.
/// </summary>
public sealed class ToolMethod(string name, ToolType? type, IReadOnlyList<ToolParameter> parameters, Func<Toolkit, ToolArguments, object?> body)
{
    public string Name { get; } = name;
    public ToolType? Type { get; } = type;
    public bool IsTool => Type is not null;
    public IReadOnlyList<ToolParameter> Parameters { get; } = parameters;

    /// <summary>
    /// Binds keyword arguments the way CPython does: the first unknown keyword is an error,
    /// then all missing required parameters are reported together.
    /// </summary>
    public ToolArguments Bind(string className, PyDict args)
    {
        foreach (var key in args.Keys)
        {
            if (!Parameters.Any(p => p.Name == key))
                throw new ToolCallException($"{className}.{Name}() got an unexpected keyword argument '{key}'");
        }
        var missing = Parameters.Where(p => p.Required && !args.ContainsKey(p.Name)).Select(p => $"'{p.Name}'").ToList();
        if (missing.Count > 0)
        {
            string list = missing.Count switch
            {
                1 => missing[0],
                2 => $"{missing[0]} and {missing[1]}",
                _ => string.Join(", ", missing.Take(missing.Count - 1)) + ", and " + missing[^1],
            };
            string noun = missing.Count == 1 ? "argument" : "arguments";
            throw new ToolCallException($"{className}.{Name}() missing {missing.Count} required positional {noun}: {list}");
        }
        var bound = new PyDict(Parameters.Count);
        foreach (var p in Parameters)
            bound[p.Name] = args.TryGetValue(p.Name, out var v) ? v : PyValue.DeepClone(p.Default);
        return new ToolArguments(bound);
    }

    public object? Invoke(Toolkit toolkit, PyDict args) => body(toolkit, Bind(toolkit.ClassName, args));
}
