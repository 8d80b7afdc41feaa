using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Evaluations;

/// <summary>tau2's results file (tau2-engine §1.6): timestamp, info, the tasks that were run, and their simulations.</summary>
public static class ResultsFile
{
    /// <param name="simulations">Runs already in tau2's SimulationRun shape, trial-major.</param>
    /// <remarks>
    /// The shape is tau2's; the only addition is <c>info.grading_corrections</c>, present only when the
    /// evaluation used corrections of tau2's grading defects (tau2 ignores unknown keys).
    /// </remarks>
    public static PyDict Build(EvaluationRequest request, IEnumerable<TauTask> tasks, IEnumerable<PyDict> simulations, string policy, string? userGuidelines)
    {
        var results = Tau2Shape(request, tasks, simulations, policy, userGuidelines);
        if (request.Corrections is { Count: > 0 } corrections)
            ((PyDict)results["info"]!)["grading_corrections"] = corrections.Select(c => (object?)c).ToList();
        return results;
    }

    private static PyDict Tau2Shape(EvaluationRequest request, IEnumerable<TauTask> tasks, IEnumerable<PyDict> simulations, string policy, string? userGuidelines) => new()
    {
        ["timestamp"] = Timestamps.Now(),
        ["info"] = new PyDict
        {
            ["git_commit"] = "unknown",
            ["num_trials"] = (long)request.NumTrials,
            ["max_steps"] = (long)request.MaxSteps,
            ["max_errors"] = (long)request.MaxErrors,
            ["user_info"] = new PyDict
            {
                ["implementation"] = request.SoloMode ? "dummy_user" : request.UserModel is null ? "scripted_user" : "user_simulator",
                ["llm"] = request.UserModel,
                ["llm_args"] = new PyDict(),
                ["global_simulation_guidelines"] = userGuidelines,
            },
            ["agent_info"] = AgentInfo(request.AgentEndpoint, request.SoloMode),
            ["environment_info"] = new PyDict
            {
                ["domain_name"] = request.Domain,
                ["policy"] = policy,
                ["tool_defs"] = null,
            },
            ["seed"] = request.Seed,
        },
        ["tasks"] = tasks.Select(t => (object?)t.ToPy()).ToList(),
        ["simulations"] = simulations.Select(s => (object?)s).ToList(),
    };

    // tau2 stores an A2A agent's endpoint URL in agent_info.llm; a "_solo" agent with the dummy user marks a solo run
    private static PyDict AgentInfo(string endpoint, bool solo) => endpoint == DefaultParticipantResolver.Oracle
        ? new PyDict { ["implementation"] = solo ? "oracle_agent_solo" : "oracle_agent", ["llm"] = null, ["llm_args"] = new PyDict() }
        : new PyDict { ["implementation"] = "a2a_agent", ["llm"] = endpoint, ["llm_args"] = new PyDict() };
}
