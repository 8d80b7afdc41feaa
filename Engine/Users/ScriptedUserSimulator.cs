using System.Globalization;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Users;

/// <summary>
/// A deterministic customer for offline runs: opens with the task's reason for calling and known
/// information, performs device actions it is asked to perform, confirms when asked, and stops
/// (<c>###STOP###</c>) when the agent has finished, or transfers on a transfer.
/// No model is called, so its messages cost nothing.
/// </summary>
public sealed class ScriptedUserSimulator(TauTask task, TimeSpan latency = default, TimeProvider? time = null, int maxTurns = 30) : IUserSimulator
{
    /// <summary>Where it counts its own turns in <see cref="ParticipantState.Values"/> (the simulated model sets it from the request).</summary>
    internal const string TurnsKey = "scripted_turns";

    public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        if (latency > TimeSpan.Zero) await Task.Delay(latency, time ?? TimeProvider.System, ct);
        int turn = state.Values.TryGetValue(TurnsKey, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        state.Values[TurnsKey] = (turn + 1).ToString(CultureInfo.InvariantCulture);
        return Reply(turn, incoming);
    }

    private Message Reply(int turn, IReadOnlyList<Message> incoming)
    {
        if (turn == 0) return Message.User(Opening(), cost: 0.0);
        if (turn >= maxTurns) return Message.User(StopTokens.Stop, cost: 0.0);
        if (incoming.All(m => m.IsTool))
        {
            var result = string.Join("\n", incoming.Select(m => m.Content));
            return Message.User("I did that. The phone shows: " + result, cost: 0.0);
        }
        var text = incoming[^1].Content ?? "";
        if (OracleScript.ParsePerformRequest(text, turn) is { } call) return Message.User(null, [call], cost: 0.0);
        var lower = text.ToLowerInvariant();
        if (lower.Contains("transfer")) return Message.User(StopTokens.Transfer, cost: 0.0);
        if (text.TrimEnd().EndsWith('?') && (lower.Contains("confirm") || lower.Contains("proceed") || lower.Contains("yes")))
            return Message.User("Yes, please go ahead.", cost: 0.0);
        return Message.User(StopTokens.Stop, cost: 0.0);
    }

    private string Opening()
    {
        if (task.UserScenario.Structured is { } s)
            return s.KnownInfo is null ? s.ReasonForCall.Trim() : s.ReasonForCall.Trim() + "\n" + s.KnownInfo.Trim();
        return task.UserScenario.PlainInstructions?.Trim() ?? "Hello, I need help.";
    }
}
