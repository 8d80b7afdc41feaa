namespace Tau2Observe.Engine.Environment;

/// <summary>A declared parameter of a toolkit method. Optional parameters take <see cref="Default"/> when absent.</summary>
public sealed record ToolParameter(string Name, bool Required = true, object? Default = null)
{
    public static ToolParameter Optional(string name, object? defaultValue = null) => new(name, false, defaultValue);
}
