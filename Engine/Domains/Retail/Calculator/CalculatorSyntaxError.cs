using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>A SyntaxError from <c>eval</c>: <c>str()</c> appends the pseudo file name and line.</summary>
public sealed class CalculatorSyntaxError(string message, int line = 1)
    : ToolCallException($"{message} (<string>, line {line})");
