using System.Globalization;
using System.Numerics;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// Evaluates a parsed expression with CPython's numeric semantics: arbitrary-precision ints,
/// correctly rounded int true division and int-to-float conversion, float floor division and
/// <c>**</c> with CPython's special cases, complex results of negative bases raised to fractions,
/// and CPython's exception texts.
/// </summary>
/// <remarks>
/// Deliberate deviation: CPython computes arbitrarily large intermediate ints (which can take very
/// long); here an int result above <see cref="MaxIntBits"/> bits, or large results adding up to more
/// than <see cref="MaxTotalIntBits"/> bits, fail with the error such values almost always end in,
/// "int too large to convert to float". One evaluator evaluates one expression.
/// </remarks>
public sealed class CalculatorEvaluator
{
    public const long MaxIntBits = 1 << 20;

    /// <summary>Total bits of large int results one expression may produce (bounds chains of big operations).</summary>
    public const long MaxTotalIntBits = 1 << 24;

    private long _bigBits;

    public object Evaluate(CalculatorNode node) => node.Kind switch
    {
        "number" => Literal(node.Literal),
        "ellipsis" => CalculatorOpaqueValue.Ellipsis,
        "tuple" => CalculatorOpaqueValue.EmptyTuple,
        "chain" => Chain(node),
        "unary" => ApplyPrefixes(node.Operators, Evaluate(node.Operands[0])),
        "power" => Power(node),
        "call" => Call(node),
        _ => throw new InvalidOperationException($"unknown node kind {node.Kind}"),
    };

    /// <summary>Python's <c>float(value)</c> for an evaluation result.</summary>
    public static double ToPythonFloat(object value) => value switch
    {
        double d => d,
        BigInteger i => IntToFloat(i),
        _ => throw new ToolCallException($"float() argument must be a string or a real number, not '{TypeName(value)}'"),
    };

    private static object Literal(string text) =>
        text.Contains('.')
            ? double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private object Chain(CalculatorNode node)
    {
        var value = Evaluate(node.Operands[0]);
        for (int i = 0; i < node.Operators.Count; i++)
            value = Binary(node.Operators[i], value, Evaluate(node.Operands[i + 1]));
        return value;
    }

    /// <summary>Operands are evaluated left to right, then the powers fold from the right.</summary>
    private object Power(CalculatorNode node)
    {
        var values = node.Operands.Select(Evaluate).ToList();
        int last = values.Count - 1;
        var value = ApplyPrefixes(node.Prefixes[last], values[last]);
        for (int i = last - 1; i >= 0; i--)
            value = ApplyPrefixes(node.Prefixes[i], Binary("**", values[i], value));
        return value;
    }

    private object Call(CalculatorNode node)
    {
        var callee = Evaluate(node.Operands[0]);
        if (node.Operands.Count > 1) Evaluate(node.Operands[1]);
        throw new ToolCallException($"'{TypeName(callee)}' object is not callable");
    }

    private object ApplyPrefixes(List<string> prefixes, object value)
    {
        for (int i = prefixes.Count - 1; i >= 0; i--)
        {
            bool negate = prefixes[i] == "-";
            value = value switch
            {
                BigInteger n => negate ? -n : n,
                double d => negate ? -d : d,
                Complex c => negate ? -c : c,
                _ => throw new ToolCallException($"bad operand type for unary {prefixes[i]}: '{TypeName(value)}'"),
            };
        }
        return value;
    }

    private object Binary(string op, object a, object b)
    {
        if (a is CalculatorOpaqueValue || b is CalculatorOpaqueValue) return OpaqueBinary(op, a, b);
        if (a is Complex || b is Complex) return ComplexBinary(op, ToComplex(a), ToComplex(b), a, b);
        if (a is BigInteger x && b is BigInteger y) return IntBinary(op, x, y);
        return FloatBinary(op, ToFloat(a), ToFloat(b));
    }

    private object IntBinary(string op, BigInteger a, BigInteger b)
    {
        switch (op)
        {
            case "+": return Bounded(a + b);
            case "-": return Bounded(a - b);
            case "*":
                if (Bits(a) + Bits(b) > MaxIntBits + 1) throw TooLarge();
                return Bounded(a * b);
            case "/":
                if (b.IsZero) throw new ToolCallException("division by zero");
                double q = RatioToDouble(a, b);
                if (double.IsInfinity(q)) throw new ToolCallException("integer division result too large for a float");
                return q;
            case "//":
                if (b.IsZero) throw new ToolCallException("integer division or modulo by zero");
                var quotient = BigInteger.DivRem(a, b, out var rem);
                if (!rem.IsZero && rem.Sign != b.Sign) quotient -= 1;
                return Bounded(quotient);
            case "**":
                if (b.Sign < 0) return FloatPow(IntToFloat(a), IntToFloat(b));
                return IntPow(a, b);
            default: throw new InvalidOperationException(op);
        }
    }

    private BigInteger IntPow(BigInteger a, BigInteger b)
    {
        if (b.IsZero || a.IsOne) return BigInteger.One;
        if (a.IsZero) return BigInteger.Zero;
        if (a == BigInteger.MinusOne) return b.IsEven ? BigInteger.One : BigInteger.MinusOne;
        if (b > MaxIntBits || (Bits(a) - 1) * (long)b > MaxIntBits) throw TooLarge();
        return Bounded(BigInteger.Pow(a, (int)b));
    }

    private static object FloatBinary(string op, double x, double y) => op switch
    {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => y == 0 ? throw new ToolCallException("float division by zero") : x / y,
        "//" => y == 0 ? throw new ToolCallException("float floor division by zero") : FloorDivide(x, y),
        "**" => FloatPow(x, y),
        _ => throw new InvalidOperationException(op),
    };

    /// <summary>CPython's float floor division: via fmod, then snapped to the nearest integral value.</summary>
    private static double FloorDivide(double vx, double wx)
    {
        double mod = vx % wx; // C fmod
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) div -= 1.0;
        if (div == 0) return Math.CopySign(0.0, vx / wx);
        double floordiv = Math.Floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
        return floordiv;
    }

    /// <summary>CPython's <c>float.__pow__</c>, including its errors and its complex results.</summary>
    private static object FloatPow(double x, double y)
    {
        if (y == 0) return 1.0;
        if (double.IsNaN(x)) return x;
        if (double.IsNaN(y)) return x == 1.0 ? 1.0 : y;
        if (double.IsInfinity(x) || double.IsInfinity(y)) return Math.Pow(x, y);
        if (x == 0)
        {
            if (y < 0) throw new ToolCallException("0.0 cannot be raised to a negative power");
            return IsOddInteger(y) ? x : 0.0;
        }
        bool negate = false;
        if (x < 0)
        {
            if (y != Math.Floor(y)) return ComplexPow(new Complex(x, 0), new Complex(y, 0));
            x = -x;
            negate = IsOddInteger(y);
        }
        if (x == 1.0) return negate ? -1.0 : 1.0;
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r)) throw new ToolCallException("(34, 'Numerical result out of range')");
        return negate ? -r : r;
    }

    private static bool IsOddInteger(double y) => Math.Abs(y % 2.0) == 1.0;

    /// <summary>
    /// Complex arithmetic with CPython's formulas. A complex value is never a valid result (float()
    /// rejects it), so what matters is which errors occur on the way.
    /// </summary>
    private static object ComplexBinary(string op, Complex a, Complex b, object left, object right)
    {
        switch (op)
        {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return Multiply(a, b);
            case "/":
                return Quotient(a, b) ?? throw new ToolCallException("complex division by zero");
            case "**":
                return ComplexPow(a, b);
            default:
                throw new ToolCallException($"unsupported operand type(s) for {op}: '{TypeName(left)}' and '{TypeName(right)}'");
        }
    }

    /// <summary>CPython's <c>complex.__pow__</c>: repeated multiplication for small integral exponents, else polar form.</summary>
    private static Complex ComplexPow(Complex a, Complex b)
    {
        Complex? p;
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100.0)
        {
            long n = (long)b.Real;
            var positive = PowUnsigned(a, Math.Abs(n));
            p = n >= 0 ? positive : Quotient(Complex.One, positive);
        }
        else if (b == Complex.Zero) p = Complex.One;
        else if (a == Complex.Zero) p = b.Imaginary != 0 || b.Real < 0 ? null : Complex.Zero;
        else
        {
            double vabs = double.Hypot(a.Real, a.Imaginary);
            double len = Math.Pow(vabs, b.Real);
            double at = Math.Atan2(a.Imaginary, a.Real);
            double phase = at * b.Real;
            if (b.Imaginary != 0)
            {
                len /= Math.Exp(at * b.Imaginary);
                phase += b.Imaginary * Math.Log(vabs);
            }
            p = new Complex(len * Math.Cos(phase), len * Math.Sin(phase));
        }
        if (p is not { } result) throw new ToolCallException("0.0 to a negative or complex power");
        if (double.IsInfinity(result.Real) || double.IsInfinity(result.Imaginary))
            throw new ToolCallException("complex exponentiation");
        return result;
    }

    private static Complex PowUnsigned(Complex x, long n)
    {
        Complex r = Complex.One, p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = Multiply(r, p);
            p = Multiply(p, p);
        }
        return r;
    }

    private static Complex Multiply(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary>CPython's complex division (Smith's method); null when dividing by zero.</summary>
    private static Complex? Quotient(Complex a, Complex b)
    {
        double absReal = Math.Abs(b.Real), absImag = Math.Abs(b.Imaginary);
        if (absReal >= absImag)
        {
            if (absReal == 0) return null;
            double ratio = b.Imaginary / b.Real, denom = b.Real + b.Imaginary * ratio;
            return new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        if (absImag >= absReal)
        {
            double ratio = b.Real / b.Imaginary, denom = b.Real * ratio + b.Imaginary;
            return new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        return new Complex(double.NaN, double.NaN);
    }

    /// <summary>Tuple concatenation and repetition; anything else with a tuple or Ellipsis is unsupported.</summary>
    private static object OpaqueBinary(string op, object a, object b)
    {
        var tuple = CalculatorOpaqueValue.EmptyTuple;
        if (op == "+" && a == tuple)
        {
            if (b == tuple) return tuple;
            throw new ToolCallException($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
        }
        if (op == "*" && (a == tuple || b == tuple))
        {
            var count = a == tuple ? b : a;
            if (count is not BigInteger n) throw new ToolCallException($"can't multiply sequence by non-int of type '{TypeName(count)}'");
            if (n > long.MaxValue || n < long.MinValue) throw new ToolCallException("cannot fit 'int' into an index-sized integer");
            return tuple;
        }
        string symbol = op == "**" ? "** or pow()" : op;
        throw new ToolCallException($"unsupported operand type(s) for {symbol}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static double ToFloat(object v) => v switch
    {
        double d => d,
        BigInteger i => IntToFloat(i),
        _ => throw new InvalidOperationException(),
    };

    private static Complex ToComplex(object v) => v is Complex c ? c : new Complex(ToFloat(v), 0);

    private static double IntToFloat(BigInteger i)
    {
        double d = RatioToDouble(i, BigInteger.One);
        if (double.IsInfinity(d)) throw new ToolCallException("int too large to convert to float");
        return d;
    }

    /// <summary>num/den correctly rounded (half to even) to a double, subnormals included; ±inf when too large.</summary>
    public static double RatioToDouble(BigInteger num, BigInteger den)
    {
        bool negative = (num.Sign < 0) != (den.Sign < 0);
        if (num.IsZero) return den.Sign < 0 ? -0.0 : 0.0; // 0 / -10 == -0.0 in Python
        num = BigInteger.Abs(num);
        den = BigInteger.Abs(den);
        // scale so the integer quotient has 55 or 56 bits: enough for 53 plus rounding bits
        long k = 55 - (num.GetBitLength() - den.GetBitLength());
        var q = k >= 0
            ? BigInteger.DivRem(num << (int)k, den, out var r)
            : BigInteger.DivRem(num, den << (int)-k, out r);
        bool sticky = !r.IsZero;
        long length = q.GetBitLength();
        long leadExponent = length - 1 - k;
        double result;
        if (leadExponent > 1023) result = double.PositiveInfinity;
        else
        {
            long precision = leadExponent >= -1022 ? 53 : 53 - (-1022 - leadExponent);
            if (precision < 0) result = 0.0;
            else if (precision == 0)
                result = q > (BigInteger.One << (int)(length - 1)) || sticky ? double.Epsilon : 0.0;
            else
            {
                int drop = (int)(length - precision);
                var m = q >> drop;
                var rest = q - (m << drop);
                int cmp = rest.CompareTo(BigInteger.One << (drop - 1));
                if (cmp > 0 || (cmp == 0 && (sticky || !m.IsEven))) m += 1;
                result = Math.ScaleB((double)m, (int)(drop - k));
            }
        }
        return negative ? -result : result;
    }

    private static long Bits(BigInteger v) => BigInteger.Abs(v).GetBitLength();

    private BigInteger Bounded(BigInteger v)
    {
        long bits = Bits(v);
        if (bits > MaxIntBits) throw TooLarge();
        if (bits > 64 * 1024 && (_bigBits += bits) > MaxTotalIntBits) throw TooLarge();
        return v;
    }

    private static ToolCallException TooLarge() => new("int too large to convert to float");

    private static string TypeName(object v) => v switch
    {
        BigInteger => "int",
        double => "float",
        Complex => "complex",
        CalculatorOpaqueValue o => o.TypeName,
        _ => v.GetType().Name,
    };
}
