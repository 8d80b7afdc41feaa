namespace Tau2Observe.Engine.Environment;

/// <summary>
/// The methods of a toolkit type in source order, built once per type. Tools come first in the
/// order tau2 lists them; setup and assertion methods are added with <see cref="Method"/>.
/// </summary>
public sealed class ToolCatalog<TToolkit> where TToolkit : Toolkit
{
    private readonly List<ToolMethod> _methods = [];

    public IReadOnlyList<ToolMethod> Methods => _methods;

    public ToolCatalog<TToolkit> Tool(string name, ToolType type, Func<TToolkit, ToolArguments, object?> body, params ToolParameter[] parameters)
    {
        _methods.Add(new ToolMethod(name, type, parameters, (t, a) => body((TToolkit)t, a)));
        return this;
    }

    public ToolCatalog<TToolkit> Method(string name, Func<TToolkit, ToolArguments, object?> body, params ToolParameter[] parameters)
    {
        _methods.Add(new ToolMethod(name, null, parameters, (t, a) => body((TToolkit)t, a)));
        return this;
    }

    public ToolMethodTable Build() => new(_methods);
}
