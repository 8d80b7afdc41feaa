using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Results;

/// <summary>
/// A tau2 results file (tau2-engine §1.6) as read for re-grading: <c>info</c>, <c>tasks</c> and
/// <c>simulations</c>. The raw JSON is kept, so a re-graded file differs only in <c>reward_info</c>.
/// Reads tau2-bench's files and the ones <c>tau2obs evaluate --output</c> writes.
/// </summary>
public sealed class ResultsDocument
{
    private ResultsDocument(PyDict root, PyDict info, IReadOnlyList<TauTask> tasks, IReadOnlyList<PyDict> simulations)
    {
        Root = root;
        Info = info;
        Tasks = tasks;
        Simulations = simulations;
    }

    public PyDict Root { get; }
    public PyDict Info { get; }
    public IReadOnlyList<TauTask> Tasks { get; }
    /// <summary>The simulations as stored (tau2's SimulationRun objects).</summary>
    public IReadOnlyList<PyDict> Simulations { get; }

    /// <summary><c>info.environment_info.domain_name</c>, which names the domain to grade with (as tau2 does).</summary>
    public string Domain =>
        (Info.GetOrDefault("environment_info") as PyDict)?.GetOrDefault("domain_name") as string
        ?? throw new FormatException("info.environment_info.domain_name is missing");

    /// <summary>
    /// tau2 infers solo mode from the agent and user implementations (<c>llm_agent_solo</c> with
    /// <c>dummy_user</c>); files of ours name the solo oracle <c>oracle_agent_solo</c>.
    /// </summary>
    public bool SoloMode =>
        Implementation("agent_info") is "llm_agent_solo" or "oracle_agent_solo" && Implementation("user_info") == "dummy_user";

    /// <summary><c>info.num_trials</c>, or the highest trial index + 1 when it is absent.</summary>
    public int NumTrials => Info.GetOrDefault("num_trials") is long n && n > 0
        ? (int)n
        : Simulations.Select(s => s.GetOrDefault("trial") is long t ? (int)t + 1 : 1).DefaultIfEmpty(1).Max();

    /// <summary>Corrections recorded by <c>tau2obs evaluate</c> (<c>info.grading_corrections</c>), if any.</summary>
    public IReadOnlyList<string> RecordedCorrections =>
        (Info.GetOrDefault("grading_corrections") as List<object?>)?.OfType<string>().ToList() ?? [];

    private string? Implementation(string key) => (Info.GetOrDefault(key) as PyDict)?.GetOrDefault("implementation") as string;

    /// <summary>Parses a results file; anything that is not one is a <see cref="FormatException"/> saying what is wrong.</summary>
    public static ResultsDocument Parse(string json)
    {
        object? parsed;
        try
        {
            parsed = PyJson.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not valid JSON ({e.Message})", e);
        }
        if (parsed is not PyDict root) throw new FormatException("a results file is a JSON object with info, tasks and simulations");
        var info = root.GetOrDefault("info") as PyDict ?? throw new FormatException("'info' is missing or not an object");
        var tasks = root.GetOrDefault("tasks") as List<object?> ?? throw new FormatException("'tasks' is missing or not a list");
        var simulations = root.GetOrDefault("simulations") as List<object?> ?? throw new FormatException("'simulations' is missing or not a list");
        var parsedTasks = new List<TauTask>();
        for (int i = 0; i < tasks.Count; i++)
        {
            try
            {
                parsedTasks.Add(TauTask.FromPy(tasks[i] as PyDict ?? throw new FormatException("not an object")));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException)
            {
                throw new FormatException($"tasks[{i}]: {e.Message}", e);
            }
        }
        var sims = simulations.Select((s, i) => s as PyDict ?? throw new FormatException($"simulations[{i}] is not an object")).ToList();
        return new ResultsDocument(root, info, parsedTasks, sims);
    }
}
