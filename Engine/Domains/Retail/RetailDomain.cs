using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Retail;

/// <summary>
/// The retail domain: <c>db.json</c> is parsed and validated once (lazily, thread-safe) and each
/// environment gets a cheap copy-on-write view of it. Solo mode is refused, as in tau2.
/// </summary>
public sealed class RetailDomain : IDomain
{
    public const string DomainName = "retail";

    private readonly TauDataDirectory _data;
    private readonly Lazy<PyRecord> _pristine;
    private readonly Lazy<string> _policy;
    private readonly DomainTaskFiles _tasks;

    public RetailDomain(TauDataDirectory data)
    {
        _data = data;
        _tasks = new DomainTaskFiles(data, DomainName);
        _pristine = new(() => LoadDb(data.DomainFile(DomainName, "db.json")), LazyThreadSafetyMode.ExecutionAndPublication);
        _policy = new(() => File.ReadAllText(data.DomainFile(DomainName, "policy.md")), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => DomainName;

    /// <summary>The validated database as loaded; shared by all environments and never changed.</summary>
    internal PyRecord PristineDb => _pristine.Value;

    public DomainEnvironment CreateEnvironment(bool soloMode = false)
    {
        if (soloMode) throw new NotSupportedException("Retail domain does not support solo mode");
        var tools = new RetailTools(Toolkit.ShallowCopyTables(_pristine.Value));
        return new DomainEnvironment(DomainName, _policy.Value, tools, userTools: null);
    }

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null) => _tasks.Load(split, taskSet);

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => _tasks.SplitNames(taskSet);

    /// <summary>The LLM tool schemas: a <c>tool_schemas.json</c> in the domain's data folder, else the embedded default.</summary>
    public string ToolSchemasJson() => DomainToolSchemas.Load(DomainName, _data.DomainDir(DomainName));

    internal static PyRecord LoadDb(string path)
    {
        try
        {
            return RetailSchemas.Db.Validate(PyJson.Parse(File.ReadAllBytes(path)));
        }
        catch (ToolCallException e)
        {
            throw new InvalidDataException($"{path} is not a valid retail database:\n{e.Message}", e);
        }
    }
}
