using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Data;

/// <summary>A tau2 domain: builds fresh environments cheaply and provides its task sets.</summary>
public interface IDomain
{
    string Name { get; }

    /// <summary>A fresh environment with a pristine database (must not re-parse data files).</summary>
    DomainEnvironment CreateEnvironment(bool soloMode = false);

    /// <summary>Tasks of a split (null = all). <paramref name="taskSet"/> selects an alternative task file where the domain has one.</summary>
    IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null);

    IReadOnlyList<string> SplitNames(string? taskSet = null);

    /// <summary>OpenAI-format tool definitions, <c>{"agent_tools": [...], "user_tools": [...]}</c>.</summary>
    string ToolSchemasJson();
}
