namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>One token with the parenthesis depth the tokenizer had right after reading it (as CPython records it).</summary>
internal readonly record struct CalculatorToken(CalculatorTokenKind Kind, string Text, int Level)
{
    public bool Is(string op) => Kind == CalculatorTokenKind.Operator && Text == op;
}
