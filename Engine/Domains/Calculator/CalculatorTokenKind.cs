namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>Token kinds of CPython's tokenizer that the calculator's character set can produce.</summary>
internal enum CalculatorTokenKind
{
    Number,
    Operator,
    Ellipsis,
    /// <summary>A lone '.', which no expression rule accepts.</summary>
    Dot,
    End,
}
