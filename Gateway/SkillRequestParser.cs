using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>A request message's skill call: its first data part if it has one, otherwise its text.</summary>
public static class SkillRequestParser
{
    public static SkillCall Parse(A2AMessage message)
    {
        var parts = message.Parts ?? [];
        if (parts.OfType<DataPart>().FirstOrDefault() is { } data) return StructuredRequestParser.Parse(data.Data);
        var text = string.Join("\n", parts.OfType<TextPart>().Select(p => p.Text));
        return NaturalLanguageRequestParser.Parse(text);
    }
}
