using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// tau2's <c>calculate</c> tool: every character must be one of <c>0123456789+-*/(). </c>, then
/// the text is evaluated as a Python expression and the result printed as
/// <c>str(round(float(value), 2))</c>. Airline and retail share it: tau2 defines it once for both.
/// </summary>
public static class PythonCalculator
{
    private const string AllowedCharacters = "0123456789+-*/(). ";

    public static string Calculate(object? expression)
    {
        // all(char in allowed for char in expression): iterates whatever was passed
        foreach (var item in PySequence.Iterate(expression))
        {
            if (item is not string part)
                throw new ToolCallException($"'in <string>' requires string as left operand, not {PyValue.TypeName(item)}");
            if (!AllowedCharacters.Contains(part, StringComparison.Ordinal))
                throw new ToolCallException("Invalid characters in expression");
        }
        if (expression is not string source)
            throw new ToolCallException("eval() arg 1 must be a string, bytes or code object");
        double value = CalculatorValues.ToFloat(Evaluate(source));
        return PyFloat.Repr(PyFloat.Round(value, 2));
    }

    /// <summary>Compiles (all syntax errors first, as CPython does) and runs the expression.</summary>
    public static object Evaluate(string source)
    {
        var code = CalculatorParser.Compile(source);
        var stack = new Stack<object>();
        foreach (var step in code)
        {
            switch (step.Kind)
            {
                case CalculatorInstructionKind.Push:
                    stack.Push(step.Value!);
                    break;
                case CalculatorInstructionKind.Unary:
                    stack.Push(CalculatorValues.Unary(step.Operator, stack.Pop()));
                    break;
                case CalculatorInstructionKind.Binary:
                    {
                        var right = stack.Pop();
                        var left = stack.Pop();
                        stack.Push(CalculatorValues.Binary(step.Operator, left, right));
                        break;
                    }
                default:
                    {
                        object? argument = step.CallArgument == "" ? null : stack.Pop();
                        var callee = stack.Pop();
                        stack.Push(CalculatorValues.Call(callee, step.CallArgument, argument));
                        break;
                    }
            }
        }
        return stack.Pop();
    }
}
