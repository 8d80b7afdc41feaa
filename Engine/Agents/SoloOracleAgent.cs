using System.Globalization;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Agents;

/// <summary>
/// The oracle in tau2's solo mode (tau2-engine §3.9): there is no user to talk to, so it makes every
/// gold action itself, user-side ones included (a solo environment routes an agent's call of a
/// user tool to the user's toolkit), one tool call per turn, then ends with <c>###STOP###</c>,
/// which is what tau2's solo agent sends when it calls <c>done</c>. Its messages cost nothing.
/// A solo agent can state information only as text beside a tool call (tau2 keeps that text in the
/// trajectory, and COMMUNICATE reads it), so the last gold call carries the oracle's closing text.
/// </summary>
public sealed class SoloOracleAgent(TauTask task, TimeSpan latency = default, TimeProvider? time = null) : ISimulationAgent
{
    private const string DoneKey = "solo_oracle_done";

    public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        if (latency > TimeSpan.Zero) await Task.Delay(latency, time ?? TimeProvider.System, ct);
        var actions = task.EvaluationCriteria?.Actions ?? [];
        int done = state.Values.TryGetValue(DoneKey, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        if (done >= actions.Count) return Message.Assistant(StopTokens.Stop, cost: 0.0);
        state.Values[DoneKey] = (done + 1).ToString(CultureInfo.InvariantCulture);
        var call = new ToolCall { Id = $"solo_oracle_{done}", Name = actions[done].Name, Arguments = PyValue.DeepClone(actions[done].Arguments) };
        bool last = done == actions.Count - 1;
        return Message.Assistant(last && task.EvaluationCriteria?.CommunicateInfo is { Count: > 0 } ? OracleScript.ClosingText(task) : null, [call], cost: 0.0);
    }

    /// <summary>tau2's solo agent stops with a message containing <c>###STOP###</c>.</summary>
    public bool IsStop(Message message) => message.ToolCalls is null && message.Content?.Contains(StopTokens.Stop, StringComparison.Ordinal) == true;
}
