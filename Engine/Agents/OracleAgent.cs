using System.Globalization;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Agents;

/// <summary>
/// An in-process agent that knows the task's gold actions and plays them: the reference
/// behaviour for offline runs, load tests and checking that a task is solvable at all.
/// Its messages cost nothing (no model is called).
/// </summary>
public sealed class OracleAgent(TauTask task, TimeSpan latency = default, TimeProvider? time = null) : ISimulationAgent
{
    private const string DoneKey = "oracle_done";

    public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        if (latency > TimeSpan.Zero) await Task.Delay(latency, time ?? TimeProvider.System, ct);
        int done = state.Values.TryGetValue(DoneKey, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        var turn = OracleScript.Next(task, done);
        if (!turn.IsClosing) state.Values[DoneKey] = (done + 1).ToString(CultureInfo.InvariantCulture);
        return turn.ToolCall is { } call
            ? Message.Assistant(null, [call], cost: 0.0)
            : Message.Assistant(turn.Text, cost: 0.0);
    }
}
