using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>CPython's SyntaxError text for source given to <c>eval</c>: the message, then the file name and line.</summary>
internal static class CalculatorSyntax
{
    public static ToolCallException Error(string message, int line = 1) => new($"{message} (<string>, line {line})");
}
