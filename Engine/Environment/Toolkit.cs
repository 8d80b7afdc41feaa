using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// A toolkit owns one database and exposes tau2 tools (offered to an LLM) and other public
/// methods (reachable only from task setup and assertions). Arguments arrive unvalidated.
/// </summary>
public abstract class Toolkit
{
    /// <summary>The Python class name, used in CPython-style TypeError texts.</summary>
    public abstract string ClassName { get; }

    public abstract ToolMethodTable Methods { get; }

    /// <summary>The database root (a model record), or null for a toolkit without one.</summary>
    public abstract PyRecord? Db { get; }

    /// <summary>Replaces the database after an <c>initialization_data</c> merge; the toolkit re-validates it.</summary>
    public abstract void ReplaceDb(PyDict merged);

    public IReadOnlyList<ToolMethod> Tools => Methods.Tools;

    public bool HasTool(string name) => Methods.Find(name) is { IsTool: true };

    /// <summary>Calls an LLM-visible tool; an unknown or non-tool name is tau2's "not found" error.</summary>
    public object? CallTool(string name, PyDict args)
    {
        var m = Methods.Find(name);
        if (m is not { IsTool: true }) throw new ToolCallException($"Tool '{name}' not found.");
        return m.Invoke(this, args);
    }

    /// <summary>Calls any public method (tool or not), as <c>initialization_actions</c> and <c>env_assertions</c> do.</summary>
    public object? CallMethod(string name, PyDict args)
    {
        var m = Methods.Find(name) ?? throw new ToolCallException($"'{ClassName}' object has no attribute '{name}'");
        return m.Invoke(this, args);
    }

    public string? DbHash() => Db is null ? null : DbHasher.Hash(Db);

    private readonly HashSet<object> _owned = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Copy-on-write for databases shared with the pristine copy: a fresh environment shallow-copies
    /// the tables, and a tool that changes a record first takes its own deep copy with this method.
    /// Returns the record now owned by this toolkit (stored back into <paramref name="table"/>).
    /// </summary>
    protected PyRecord Own(PyDict table, string key)
    {
        var record = (PyRecord)table.Item(key)!;
        if (_owned.Contains(record)) return record;
        var copy = PyValue.DeepClone(record);
        table[key] = copy;
        _owned.Add(copy);
        return copy;
    }

    /// <summary>Marks a record created by this toolkit as its own (no copy needed before changing it).</summary>
    protected T Owned<T>(T record) where T : class
    {
        _owned.Add(record);
        return record;
    }

    /// <summary>
    /// A root whose map and list tables are shallow copies of the pristine root's: cheap, and safe with
    /// <see cref="Own"/>. The pristine records are frozen from here on (their hash bytes are cached).
    /// </summary>
    public static PyRecord ShallowCopyTables(PyRecord pristine)
    {
        CanonicalFragments.Freeze(pristine);
        var root = new PyRecord(pristine.ModelName, pristine.Count);
        foreach (var (k, v) in pristine)
            root.Add(k, v switch
            {
                PyRecord r => r,
                PyDict d => new PyDict(d),
                List<object?> l => new List<object?>(l),
                _ => v,
            });
        return root;
    }
}
