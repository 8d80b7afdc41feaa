using System.Numerics;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// Python's operators on the calculator's values: int (<see cref="BigInteger"/>), float
/// (<see cref="double"/>), complex (<see cref="Complex"/>, from a negative base raised to a
/// fractional power), <c>()</c> and <c>...</c>, with CPython's results and exception texts.
/// </summary>
internal static class CalculatorValues
{
    /// <summary>
    /// Integers larger than this many bits are refused (deliberate deviation: CPython would spend
    /// unbounded time and memory on e.g. <c>9**9**9</c>). The text is what CPython eventually
    /// reports for such a value, since the calculator converts its result to float.
    /// </summary>
    public const long MaxIntBits = 1_000_000;

    public static string TypeName(object v) => v switch
    {
        BigInteger => "int",
        double => "float",
        Complex => "complex",
        CalculatorSentinel s => s.TypeName,
        _ => v.GetType().Name,
    };

    private static bool IsNumber(object v) => v is BigInteger or double or Complex;

    /// <summary>Python's <c>float(value)</c>.</summary>
    public static double ToFloat(object v) => v switch
    {
        BigInteger i => PythonNumbers.IntToDouble(i),
        double d => d,
        _ => throw new ToolCallException($"float() argument must be a string or a real number, not '{TypeName(v)}'"),
    };

    private static double AsDouble(object v) => v is BigInteger i ? PythonNumbers.IntToDouble(i) : (double)v;

    private static Complex AsComplex(object v) => v is Complex c ? c : new Complex(AsDouble(v), 0);

    public static object Unary(string op, object v)
    {
        if (!IsNumber(v)) throw new ToolCallException($"bad operand type for unary {op}: '{TypeName(v)}'");
        if (op == "+") return v;
        return v switch
        {
            BigInteger i => -i,
            double d => -d,
            _ => -(Complex)v,
        };
    }

    public static object Binary(string op, object a, object b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is BigInteger x && b is BigInteger y) return IntOp(op, x, y);
            if (a is Complex || b is Complex) return ComplexOp(op, a, b);
            return FloatOp(op, AsDouble(a), AsDouble(b));
        }
        return SequenceOrError(op, a, b);
    }

    private static object IntOp(string op, BigInteger x, BigInteger y)
    {
        switch (op)
        {
            case "+": return x + y;
            case "-": return x - y;
            case "*":
                CheckBits(x.GetBitLength() + y.GetBitLength());
                return x * y;
            case "/": return PythonNumbers.TrueDivide(x, y);
            case "//":
                if (y.IsZero) throw new ToolCallException("integer division or modulo by zero");
                var q = BigInteger.DivRem(x, y, out var r);
                return !r.IsZero && (r.Sign < 0) != (y.Sign < 0) ? q - 1 : q;
            default: // "**"
                if (y.Sign < 0) return PythonNumbers.FloatPower(PythonNumbers.IntToDouble(x), PythonNumbers.IntToDouble(y));
                if (x.IsZero) return y.IsZero ? BigInteger.One : BigInteger.Zero;
                if (x.IsOne) return BigInteger.One;
                if (x == BigInteger.MinusOne) return y.IsEven ? BigInteger.One : BigInteger.MinusOne;
                if (y > MaxIntBits) CheckBits(MaxIntBits + 1);
                CheckBits((x.GetBitLength() - 1) * (long)y + 1);
                return BigInteger.Pow(x, (int)y);
        }
    }

    private static void CheckBits(long bits)
    {
        if (bits > MaxIntBits) throw new ToolCallException("int too large to convert to float");
    }

    private static object FloatOp(string op, double x, double y)
    {
        switch (op)
        {
            case "+": return x + y;
            case "-": return x - y;
            case "*": return x * y;
            case "/":
                if (y == 0) throw new ToolCallException("float division by zero");
                return x / y;
            case "//": return PythonNumbers.FloorDivide(x, y);
            default: return PythonNumbers.FloatPower(x, y);
        }
    }

    private static object ComplexOp(string op, object a, object b)
    {
        if (op == "//") throw Unsupported(op, a, b);
        Complex x = AsComplex(a), y = AsComplex(b);
        switch (op)
        {
            case "+": return x + y;
            case "-": return x - y;
            case "*": return PythonNumbers.Product(x, y);
            case "/":
                bool byZero = false;
                var q = PythonNumbers.Quotient(x, y, ref byZero);
                if (byZero) throw new ToolCallException("complex division by zero");
                return q;
            default:
                return PythonNumbers.ComplexPower(x, y);
        }
    }

    /// <summary>Tuple concatenation and repetition, or the TypeError CPython raises.</summary>
    private static object SequenceOrError(string op, object a, object b)
    {
        bool aTuple = a == CalculatorSentinel.EmptyTuple, bTuple = b == CalculatorSentinel.EmptyTuple;
        if (op == "+" && aTuple)
        {
            if (bTuple) return CalculatorSentinel.EmptyTuple;
            throw new ToolCallException($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
        }
        if (op == "*" && (aTuple || bTuple))
        {
            object count = aTuple ? b : a;
            if (count is not BigInteger n) throw new ToolCallException($"can't multiply sequence by non-int of type '{TypeName(count)}'");
            if (n > long.MaxValue || n < long.MinValue) throw new ToolCallException("cannot fit 'int' into an index-sized integer");
            return CalculatorSentinel.EmptyTuple;
        }
        throw Unsupported(op, a, b);
    }

    private static ToolCallException Unsupported(string op, object a, object b) =>
        new($"unsupported operand type(s) for {(op == "**" ? "** or pow()" : op)}: '{TypeName(a)}' and '{TypeName(b)}'");

    /// <summary>Calling a value: nothing here is callable, but a starred argument is checked first.</summary>
    public static object Call(object callee, string argumentKind, object? argument)
    {
        if (argumentKind == "*" && argument != CalculatorSentinel.EmptyTuple)
            throw new ToolCallException($"{Str(callee)} argument after * must be an iterable, not {TypeName(argument!)}");
        if (argumentKind == "**")
            throw new ToolCallException($"{Str(callee)} argument after ** must be a mapping, not {TypeName(argument!)}");
        throw new ToolCallException($"'{TypeName(callee)}' object is not callable");
    }

    /// <summary>Python's <c>str()</c> of a calculator value.</summary>
    private static string Str(object v) => v switch
    {
        BigInteger i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        Complex c => ComplexRepr(c),
        CalculatorSentinel s => s.Text,
        _ => v.ToString() ?? "",
    };

    private static string ComplexRepr(Complex c)
    {
        static string Part(double d)
        {
            string r = PyFloat.Repr(d);
            return r.EndsWith(".0", StringComparison.Ordinal) ? r[..^2] : r;
        }
        string imag = Part(c.Imaginary) + "j";
        if (c.Real == 0 && !double.IsNegative(c.Real)) return imag;
        string sign = c.Imaginary < 0 || double.IsNegative(c.Imaginary) ? "" : "+";
        return $"({Part(c.Real)}{sign}{imag})";
    }
}
