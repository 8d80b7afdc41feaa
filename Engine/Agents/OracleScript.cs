using System.Text.RegularExpressions;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Agents;

/// <summary>
/// The oracle's script for one task: play the gold actions in order (asking the user to perform
/// user-side ones), then close with a message stating every <c>communicate_info</c> string.
/// Shared by the in-process oracle agent and the A2A oracle mock agent.
/// </summary>
public static partial class OracleScript
{
    public const string PerformPrefix = "Please perform this action on your device: ";
    public const string Closing = "Everything is taken care of.";

    /// <summary>The next turn after <paramref name="done"/> gold actions have been played.</summary>
    public static OracleTurn Next(TauTask task, int done)
    {
        var actions = task.EvaluationCriteria?.Actions ?? [];
        if (done < actions.Count)
        {
            var a = actions[done];
            if (a.Requestor == Roles.User)
                return new OracleTurn(PerformPrefix + a.Name + "(" + PyJson.Dumps(a.Arguments) + ")", null);
            return new OracleTurn(null, new ToolCall { Id = $"oracle_{done}", Name = a.Name, Arguments = PyValue.DeepClone(a.Arguments) });
        }
        return new OracleTurn(ClosingText(task), null, IsClosing: true);
    }

    /// <summary>The closing message: <see cref="Closing"/>, stating every <c>communicate_info</c> string.</summary>
    public static string ClosingText(TauTask task)
    {
        var info = task.EvaluationCriteria?.CommunicateInfo ?? [];
        return info.Count == 0 ? Closing : Closing + " For your records: " + string.Join("; ", info) + ".";
    }

    /// <summary>Parses an oracle request to perform a user-side action, as the scripted user reads it.</summary>
    public static ToolCall? ParsePerformRequest(string? text, int callIndex)
    {
        if (text is null) return null;
        var m = PerformRequest().Match(text);
        if (!m.Success) return null;
        return PyJson.ParseOrString(m.Groups[2].Value) is PyDict args
            ? new ToolCall { Id = $"user_{callIndex}", Name = m.Groups[1].Value, Arguments = args, Requestor = Roles.User }
            : null;
    }

    [GeneratedRegex(@"perform this action on your device: ([A-Za-z_][A-Za-z0-9_]*)\((\{.*\})\)\s*$", RegexOptions.Singleline)]
    private static partial Regex PerformRequest();
}
