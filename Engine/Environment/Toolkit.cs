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
}
