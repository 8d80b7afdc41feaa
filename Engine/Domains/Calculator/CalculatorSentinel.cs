namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>The two non-numeric values the calculator's syntax can produce: <c>()</c> and <c>...</c>.</summary>
internal sealed class CalculatorSentinel
{
    public static readonly CalculatorSentinel EmptyTuple = new("tuple", "()");
    public static readonly CalculatorSentinel Ellipsis = new("ellipsis", "Ellipsis");

    private CalculatorSentinel(string typeName, string text)
    {
        TypeName = typeName;
        Text = text;
    }

    /// <summary>The Python type name, as TypeError texts print it.</summary>
    public string TypeName { get; }

    /// <summary>Python's <c>str()</c> of the value.</summary>
    public string Text { get; }
}
