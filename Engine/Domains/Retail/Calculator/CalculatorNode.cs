namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// A node of a parsed expression. Operator chains are flat (operands plus operators) so that
/// neither parsing nor evaluation recurses once per operator of a long input.
/// </summary>
public sealed class CalculatorNode
{
    /// <summary><c>number</c>, <c>ellipsis</c>, <c>tuple</c> (the empty tuple), <c>chain</c>
    /// (left-associative <c>+ - * / //</c>), <c>power</c> (right-associative <c>**</c>, each operand
    /// after the first with its own unary prefix), <c>unary</c> or <c>call</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The literal text of a number.</summary>
    public string Literal { get; init; } = "";

    public List<CalculatorNode> Operands { get; init; } = [];

    /// <summary>Binary operators between operands (chain), or unary prefixes, innermost last (unary, power).</summary>
    public List<string> Operators { get; init; } = [];

    /// <summary>Per power operand: the unary prefixes that apply to the power from that operand on.</summary>
    public List<List<string>> Prefixes { get; init; } = [];
}
