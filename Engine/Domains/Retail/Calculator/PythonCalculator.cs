using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// tau2's <c>calculate</c> tool: every character must be one of <c>0123456789+-*/(). </c>, then
/// the text is evaluated as a Python expression and returned as <c>str(round(float(value), 2))</c>.
/// The argument is unvalidated, so a non-string fails the way the character check fails in Python.
/// </summary>
public static class PythonCalculator
{
    private const string AllowedCharacters = "0123456789+-*/(). ";

    public static string Calculate(object? expression)
    {
        // all(char in allowed for char in expression): a list/dict argument is iterated too
        foreach (var item in PySequence.Iterate(expression))
        {
            if (item is not string s)
                throw new ToolCallException($"'in <string>' requires string as left operand, not {PyValue.TypeName(item)}");
            if (!AllowedCharacters.Contains(s, StringComparison.Ordinal))
                throw new ToolCallException("Invalid characters in expression");
        }
        if (expression is not string text)
            throw new ToolCallException("eval() arg 1 must be a string, bytes or code object");
        var value = new CalculatorEvaluator().Evaluate(CalculatorParser.Parse(text));
        return PyFloat.Repr(PyFloat.Round(CalculatorEvaluator.ToPythonFloat(value), 2));
    }
}
