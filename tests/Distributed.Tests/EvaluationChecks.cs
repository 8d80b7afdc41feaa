using System.Text.Json;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Distributed.Tests;

/// <summary>What every finished distributed run must satisfy: each trial graded exactly once, none lost, and sound conversations.</summary>
public static class EvaluationChecks
{
    /// <summary>Tasks of the mock domain that the oracle agent with the scripted user solves (reward 1).</summary>
    public static readonly string[] OracleSolvedMockTasks =
        ["create_task_1", "update_task_1", "update_task_with_message_history", "update_task_with_initialization_data", "impossible_task_1", "create_task_1_with_env_assertions"];

    /// <summary>Every (task, trial) once, in the snapshot and in the results file; all graded with the oracle's full marks.</summary>
    public static void GradedExactlyOnce(EvaluationSnapshot done, string resultsJson, int tasks, int trials)
    {
        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal(tasks * trials, done.TotalTrials);
        Assert.Equal(done.TotalTrials, done.Trials.Count);
        Assert.Equal(done.TotalTrials, done.Trials.Select(t => (t.TaskId, t.Trial)).Distinct().Count());
        Assert.All(done.Trials, t => Assert.Equal(1.0, t.Reward));
        Assert.Equal(0, done.Summary!.InfrastructureErrors);
        Assert.Equal(done.TotalTrials, done.Summary.Simulations);

        using var results = JsonDocument.Parse(resultsJson);
        var simulations = results.RootElement.GetProperty("simulations").EnumerateArray().ToList();
        Assert.Equal(done.TotalTrials, simulations.Count);
        Assert.Equal(done.TotalTrials, simulations.Select(s => (s.GetProperty("task_id").GetString(), s.GetProperty("trial").GetInt32())).Distinct().Count());
        Assert.Equal(done.TotalTrials, simulations.Select(s => s.GetProperty("id").GetString()).Distinct().Count());

        // the oracle and the scripted user say the same whatever the seed: every trial of a task,
        // resumed or not, must have the same conversation (a lost or replayed turn would show)
        foreach (var task in simulations.GroupBy(s => s.GetProperty("task_id").GetString()))
        {
            var shapes = task.Select(Shape).Distinct().ToList();
            Assert.True(shapes.Count == 1, $"task {task.Key}: trials differ in conversation:\n{string.Join("\n", shapes)}");
        }
    }

    private static string Shape(JsonElement simulation) => string.Join(" ", simulation.GetProperty("messages").EnumerateArray().Select(m =>
        m.GetProperty("role").GetString() + (m.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? "[" + string.Join(",", calls.EnumerateArray().Select(c => c.GetProperty("name").GetString())) + "]"
            : "")));
}
