using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.TestSupport;

/// <summary>
/// Results files in tau2-bench's own format, assembled from the conformance vectors (trajectories
/// and reward information computed by tau2 itself), for re-grading tests.
/// </summary>
public static class Tau2ResultsFiles
{
    public static string ConformanceFile(string name) =>
        Path.Combine(Directory.GetParent(Path.GetFullPath(TestDomains.DataDir))!.FullName, "conformance", name);

    /// <summary>
    /// The evaluation vectors of <paramref name="file"/> that tau2 graded (no expected failure, no
    /// placeholder for random ids), the first <paramref name="count"/> of them.
    /// </summary>
    public static List<PyDict> GradedVectors(string file, int count) =>
        ConformanceRunner.ReadVectors(ConformanceFile(file))
            .Where(v => v.GetOrDefault("expected_reward_info") is PyDict && !PyJson.Dumps(v).Contains("{RANDOM", StringComparison.Ordinal))
            .Take(count)
            .ToList();

    /// <summary>
    /// A results file as tau2 writes it: <c>timestamp</c>, <c>info</c> (tau2's fields), the tasks, and one
    /// SimulationRun per vector whose stored <c>reward_info</c> is <paramref name="storedReward"/> (or tau2's
    /// own when null). Vectors of the same task become its trials 0, 1, ...
    /// </summary>
    public static PyDict Build(string domain, IReadOnlyList<PyDict> vectors, double? storedReward = null)
    {
        var tasks = new PyDict();
        var trials = new Dictionary<string, int>(StringComparer.Ordinal);
        var simulations = new List<object?>();
        foreach (var v in vectors)
        {
            var task = (PyDict)v["task"]!;
            string taskId = (string)task["id"]!;
            tasks.TryAdd(taskId, task);
            int trial = trials[taskId] = trials.TryGetValue(taskId, out var t) ? t + 1 : 0;
            var sim = (PyDict)v["simulation"]!;
            var reward = storedReward is { } r
                ? new PyDict { ["reward"] = r, ["db_check"] = null, ["env_assertions"] = null, ["action_checks"] = null, ["nl_assertions"] = null,
                    ["communicate_checks"] = null, ["reward_basis"] = null, ["reward_breakdown"] = null, ["info"] = null }
                : (PyDict)v["expected_reward_info"]!;
            simulations.Add(new PyDict
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["task_id"] = taskId,
                ["timestamp"] = "2025-07-01T14:03:22.481516",
                ["start_time"] = "2025-07-01T14:00:00.000001",
                ["end_time"] = "2025-07-01T14:03:22.481000",
                ["duration"] = 202.48,
                ["termination_reason"] = sim["termination_reason"],
                ["agent_cost"] = 0.0123,
                ["user_cost"] = 0.0031,
                ["reward_info"] = reward,
                ["messages"] = sim["messages"],
                ["trial"] = (long)trial,
                ["seed"] = 626729L,
            });
        }
        return new PyDict
        {
            ["timestamp"] = "2025-07-01T14:03:30.000001",
            ["info"] = new PyDict
            {
                ["git_commit"] = "8307878",
                ["num_trials"] = (long)(trials.Values.DefaultIfEmpty(0).Max() + 1),
                ["max_steps"] = 200L,
                ["max_errors"] = 10L,
                ["user_info"] = new PyDict
                {
                    ["implementation"] = "user_simulator", ["llm"] = "gpt-4.1",
                    ["llm_args"] = new PyDict { ["temperature"] = 0.0 }, ["global_simulation_guidelines"] = "guidelines",
                },
                ["agent_info"] = new PyDict { ["implementation"] = "llm_agent", ["llm"] = "gpt-4.1", ["llm_args"] = new PyDict { ["temperature"] = 0.0 } },
                ["environment_info"] = new PyDict { ["domain_name"] = domain, ["policy"] = "policy text", ["tool_defs"] = null },
                ["seed"] = 300L,
            },
            ["tasks"] = tasks.Values.ToList(),
            ["simulations"] = simulations,
        };
    }
}
