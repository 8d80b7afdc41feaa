namespace Tau2Observe.Engine.Environment;

/// <summary>An immutable lookup over a toolkit type's methods; shared by all instances of that type.</summary>
public sealed class ToolMethodTable
{
    private readonly Dictionary<string, ToolMethod> _byName;

    public ToolMethodTable(IReadOnlyList<ToolMethod> methods)
    {
        All = methods;
        Tools = methods.Where(m => m.IsTool).ToList();
        _byName = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ToolMethod> All { get; }
    public IReadOnlyList<ToolMethod> Tools { get; }

    public ToolMethod? Find(string name) => _byName.GetValueOrDefault(name);
}
