namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Where tau2-bench-agent finds the agent's reply text (a2a.md §3.5), first source with any text wins:
/// task artifacts, the message's own parts, the task's status message, the last agent message in
/// the task history. Text parts flagged as reasoning (<c>adk_thought</c>) are skipped.
/// </summary>
public static class ReplyTextExtractor
{
    public static string Extract(A2AEvent reply)
    {
        IEnumerable<IEnumerable<Part>?> sources = reply switch
        {
            A2ATask task =>
            [
                task.Artifacts?.SelectMany(a => a.Parts),
                task.Status.Message?.Parts,
                task.History?.LastOrDefault(m => m.Role == A2ARoles.Agent)?.Parts,
            ],
            A2AMessage message => [message.Parts],
            _ => [],
        };
        foreach (var parts in sources)
        {
            var texts = (parts ?? []).OfType<TextPart>().Where(p => !IsThought(p)).Select(p => p.Text).ToList();
            if (texts.Count > 0) return string.Join("\n", texts);
        }
        return "";
    }

    private static bool IsThought(Part part) =>
        part.Metadata?["adk_thought"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out bool thought) && thought;
}
