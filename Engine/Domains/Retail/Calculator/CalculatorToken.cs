namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// A Python token of an arithmetic expression. <see cref="Kind"/> is <c>NUMBER</c>, <c>ELLIPSIS</c>,
/// <c>OP</c> or <c>END</c>; <see cref="Depth"/> is the number of parentheses open after the token,
/// which decides whether CPython suggests a missing comma.
/// </summary>
public readonly record struct CalculatorToken(string Kind, string Text, int Depth)
{
    public const string Number = "NUMBER";
    public const string Ellipsis = "ELLIPSIS";
    public const string Op = "OP";
    public const string End = "END";

    public bool Is(string op) => Kind == Op && Text == op;
}
