using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>A SyntaxError from <c>eval</c>: <c>str()</c> appends the pseudo file name and line.</summary>
public sealed class CalculatorSyntaxError(string message, int line = 1)
    : ToolCallException($"{message} (<string>, line {line})")
{
    /// <summary>The input ended inside an open bracket; CPython reports this as soon as it reads the end.</summary>
    public bool Unclosed { get; init; }
}
