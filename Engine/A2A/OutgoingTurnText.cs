using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The text of one turn sent to the agent under test (a2a.md §3.4): a user message with the tool
/// catalogue appended, or the results of the agent's tool calls, one <c>Tool result</c> line each
/// in call order (tau2-bench-agent cannot send several; this can).
/// </summary>
public static class OutgoingTurnText
{
    public static string Build(IReadOnlyList<Message> incoming, string? toolCatalogue) =>
        string.Join("\n", incoming.Select(m => Render(m, toolCatalogue)));

    private static string Render(Message message, string? toolCatalogue)
    {
        if (message.IsTool)
        {
            string content = message.Error ? "ERROR: " + (string.IsNullOrEmpty(message.Content) ? "Unknown error" : message.Content) : message.Content ?? "";
            return $"Tool result (id={message.Id}): {content}";
        }
        string text = message.Content ?? "";
        if (message.IsUser && toolCatalogue is not null)
            return text.Length == 0 ? "\n" + toolCatalogue : text + "\n\n\n" + toolCatalogue;
        return text;
    }
}
