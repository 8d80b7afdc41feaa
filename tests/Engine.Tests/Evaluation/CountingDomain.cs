using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Tests.Evaluation;

/// <summary>A real domain that counts the environments it creates. Each instance is a new domain to the gold-run memo, so it starts cold.</summary>
public sealed class CountingDomain(IDomain inner) : IDomain
{
    private int _environmentsCreated;

    public int EnvironmentsCreated => Volatile.Read(ref _environmentsCreated);

    public string Name => inner.Name;

    public DomainEnvironment CreateEnvironment(bool soloMode = false)
    {
        Interlocked.Increment(ref _environmentsCreated);
        return inner.CreateEnvironment(soloMode);
    }

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null) => inner.LoadTasks(split, taskSet);

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => inner.SplitNames(taskSet);

    public string ToolSchemasJson() => inner.ToolSchemasJson();
}
