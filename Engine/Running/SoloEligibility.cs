using Tau2Observe.Engine.Data.Tasks;

namespace Tau2Observe.Engine.Running;

/// <summary>Which tasks tau2 runs in solo mode (tau2-engine §3.9).</summary>
public static class SoloEligibility
{
    /// <summary>
    /// A task with an initial state qualifies when its history has no user message and no assistant
    /// text; any other task needs a ticket, evaluation criteria and at least one gold action.
    /// </summary>
    public static bool IsEligible(TauTask task)
    {
        if (task.InitialState is { } initial)
            return !(initial.MessageHistory ?? []).Any(m => m.IsUser || (m.IsAssistant && m.HasTextContent));
        return task.Ticket is not null && task.EvaluationCriteria?.Actions is { Count: > 0 };
    }
}
