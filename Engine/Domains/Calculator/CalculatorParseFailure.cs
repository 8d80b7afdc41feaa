namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// Internal signal: the input does not match the grammar. <see cref="Diagnosis"/> carries the
/// specific message of one of CPython's second-pass "invalid_*" rules; null means a generic
/// "invalid syntax".
/// </summary>
internal sealed class CalculatorParseFailure(string? diagnosis = null) : Exception(diagnosis ?? "invalid syntax")
{
    public string? Diagnosis { get; } = diagnosis;
}
