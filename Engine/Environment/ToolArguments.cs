using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>Arguments bound to a method's parameters (defaults filled), values kept with their raw JSON kinds.</summary>
public sealed class ToolArguments(PyDict values)
{
    public PyDict Values { get; } = values;

    public object? this[string name] => Values.GetOrDefault(name);

    public object? Get(string name) => Values.GetOrDefault(name);
}
