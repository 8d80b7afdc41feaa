using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Mock;

/// <summary>
/// The mock domain: a tiny task database, loaded once and copied on write per environment.
/// Supports solo mode, which uses <c>policy_solo.md</c>.
/// </summary>
public sealed class MockDomain : IDomain
{
    public const string DomainName = "mock";

    private readonly TauDataDirectory _data;
    private readonly Lazy<PyRecord> _pristine;
    private readonly Lazy<string> _policy;
    private readonly Lazy<string> _soloPolicy;
    private readonly DomainTaskFiles _tasks;

    public MockDomain(TauDataDirectory data)
    {
        _data = data;
        _tasks = new DomainTaskFiles(data, DomainName);
        _pristine = new(() => LoadDb(data.DomainFile(DomainName, "db.json")), LazyThreadSafetyMode.ExecutionAndPublication);
        _policy = new(() => File.ReadAllText(data.DomainFile(DomainName, "policy.md")), LazyThreadSafetyMode.ExecutionAndPublication);
        _soloPolicy = new(() => File.ReadAllText(data.DomainFile(DomainName, "policy_solo.md")), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => DomainName;

    /// <summary>The validated database as loaded; shared by all environments and never changed.</summary>
    internal PyRecord PristineDb => _pristine.Value;

    public DomainEnvironment CreateEnvironment(bool soloMode = false)
    {
        var tools = new MockTools(Toolkit.ShallowCopyTables(_pristine.Value));
        return new DomainEnvironment(DomainName, soloMode ? _soloPolicy.Value : _policy.Value, tools, userTools: null, soloMode: soloMode);
    }

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null) => _tasks.Load(split, taskSet);

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => _tasks.SplitNames(taskSet);

    /// <summary>The LLM tool schemas: a <c>tool_schemas.json</c> in the domain's data folder, else the embedded default.</summary>
    public string ToolSchemasJson() => DomainToolSchemas.Load(DomainName, _data.DomainDir(DomainName));

    internal static PyRecord LoadDb(string path)
    {
        try
        {
            return MockSchemas.Db.Validate(PyJson.Parse(File.ReadAllBytes(path)));
        }
        catch (ToolCallException e)
        {
            throw new InvalidDataException($"{path} is not a valid mock database:\n{e.Message}", e);
        }
    }
}
