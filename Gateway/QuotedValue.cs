namespace Tau2Observe.Gateway;

/// <summary>Caller input as quoted in an error message: cut short, so an error never echoes an unbounded value.</summary>
public static class QuotedValue
{
    public const int MaxLength = 200;

    /// <summary>An error message as a whole stays under this, whatever it lists.</summary>
    public const int MaxMessageLength = 2000;

    public static string Of(string value) => Cut(value, MaxLength);

    public static string Message(string message) => Cut(message, MaxMessageLength);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + $"… ({text.Length} characters)";
}
