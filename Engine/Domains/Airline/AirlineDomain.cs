using System.Reflection;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Airline;

/// <summary>
/// The tau2 airline domain: FlightDB from <c>db.json</c> (parsed and validated once, then shared
/// read-only by every environment), the policy text, and the task file with its splits.
/// </summary>
public sealed class AirlineDomain : IDomain
{
    public const string DomainName = "airline";

    private readonly TauDataDirectory _data;
    private readonly Lazy<PyRecord> _pristineDb;
    private readonly Lazy<string> _policy;
    private readonly Lazy<IReadOnlyList<TauTask>> _tasks;
    private readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> _splits;

    public AirlineDomain(TauDataDirectory data)
    {
        _data = data;
        _pristineDb = new(LoadDb);
        _policy = new(() => File.ReadAllText(_data.DomainFile(DomainName, "policy.md")));
        _tasks = new(() => TaskSetLoader.Load(_data.DomainFile(DomainName, "tasks.json")));
        _splits = new(() => TaskSetLoader.LoadSplits(_data.DomainFile(DomainName, "tasks.json")));
    }

    public string Name => DomainName;

    /// <summary>The validated pristine database. Never mutate it: environments copy records on write.</summary>
    public PyRecord PristineDb => _pristineDb.Value;

    public string Policy => _policy.Value;

    public DomainEnvironment CreateEnvironment(bool soloMode = false)
    {
        if (soloMode) throw new NotSupportedException("Airline domain does not support solo mode");
        return new DomainEnvironment(DomainName, Policy, new AirlineTools(PristineDb), userTools: null);
    }

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null)
    {
        RequireDefaultTaskSet(taskSet);
        return TaskSetLoader.Select(_tasks.Value, _splits.Value, split);
    }

    public IReadOnlyList<string> SplitNames(string? taskSet = null)
    {
        RequireDefaultTaskSet(taskSet);
        return _splits.Value.Keys.ToList();
    }

    /// <summary>Airline has a single task file; "base" names it too.</summary>
    private static void RequireDefaultTaskSet(string? taskSet)
    {
        if (taskSet is not (null or "base"))
            throw new ArgumentException($"Unknown task set '{taskSet}' for domain airline. Valid task sets: base");
    }

    /// <summary>
    /// The tool schemas offered to LLMs, <c>{"agent_tools": [...], "user_tools": []}</c>: the data
    /// folder's <c>tool_schemas.json</c> when present (exported from the reference), otherwise the
    /// built-in copy with the reference structure and this product's descriptions.
    /// </summary>
    public string ToolSchemasJson() => DomainToolSchemas.Load(DomainName, _data.DomainDir(DomainName));

    private PyRecord LoadDb()
    {
        string path = _data.DomainFile(DomainName, "db.json");
        try
        {
            return AirlineSchemas.FlightDb.Validate(PyJson.Parse(File.ReadAllBytes(path)));
        }
        catch (ToolCallException e)
        {
            throw new InvalidDataException($"{path} is not a valid FlightDB:\n{e.Message}", e);
        }
    }
}
