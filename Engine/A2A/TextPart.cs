namespace Tau2Observe.Engine.A2A;

public sealed class TextPart(string text) : Part
{
    public const string KindValue = "text";

    public override string Kind => KindValue;
    public string Text { get; set; } = text;
}
