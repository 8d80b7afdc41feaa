using System.Numerics;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// CPython's numeric conversions and float operations where they differ from plain IEEE/.NET:
/// correctly rounded int→float and int/int, float floor division, float power, and the
/// exception texts CPython raises for them.
/// </summary>
internal static class PythonNumbers
{
    private static readonly BigInteger Two53 = BigInteger.One << 53;

    public static bool IsInt(object? v) => v is long or int or bool or BigInteger;

    public static bool IsNumber(object? v) => IsInt(v) || v is double;

    public static BigInteger ToBig(object? v) => v switch
    {
        long l => l,
        int i => i,
        bool b => b ? BigInteger.One : BigInteger.Zero,
        BigInteger bi => bi,
        _ => throw new InvalidOperationException("not an int"),
    };

    /// <summary>An int result as the value kind the rest of the engine uses (long when it fits).</summary>
    public static object Normalize(BigInteger v) =>
        v >= long.MinValue && v <= long.MaxValue ? (long)v : v;

    /// <summary>Python's <c>float(int)</c>: correctly rounded, OverflowError past the double range.</summary>
    public static double IntToDouble(BigInteger v)
    {
        if (BigInteger.Abs(v) <= Two53) return (double)v;
        double d = RatioToDouble(v, BigInteger.One);
        if (double.IsInfinity(d)) throw new ToolCallException("int too large to convert to float");
        return d;
    }

    /// <summary>Number (int, bool or float) as a double, with Python's int-conversion overflow error.</summary>
    public static double ToDouble(object? v) => v is double d ? d : IntToDouble(ToBig(v));

    /// <summary>Python's int / int: the correctly rounded quotient.</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new ToolCallException("division by zero");
        if (BigInteger.Abs(a) <= Two53 && BigInteger.Abs(b) <= Two53) return (double)a / (double)b;
        double d = RatioToDouble(a, b);
        if (double.IsInfinity(d)) throw new ToolCallException("integer division result too large for a float");
        return d;
    }

    /// <summary>a/b correctly rounded (half to even) to a double; ±infinity when out of range. b must be non-zero.</summary>
    private static double RatioToDouble(BigInteger a, BigInteger b)
    {
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero) return negative ? -0.0 : 0.0;
        // binary exponent e with 2^e <= a/b < 2^(e+1)
        long e = (long)(a.GetBitLength() - b.GetBitLength());
        if (e >= 0 ? a < (b << (int)e) : (a << (int)-e) < b) e--;
        if (e > 1023) return negative ? double.NegativeInfinity : double.PositiveInfinity;
        // keep 53 significant bits, fewer for subnormal results (unit 2^-1074)
        long shift = Math.Min(52 - e, 1074);
        BigInteger num = shift >= 0 ? a << (int)shift : a;
        BigInteger den = shift >= 0 ? b : b << (int)-shift;
        var q = BigInteger.DivRem(num, den, out var rem);
        int cmp = (rem << 1).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        double result = Math.ScaleB((double)q, (int)-shift);
        return negative ? -result : result;
    }

    /// <summary>Python's float // float (floor of the quotient, computed the way CPython's divmod does).</summary>
    public static double FloorDivide(double vx, double wx)
    {
        if (wx == 0) throw new ToolCallException("float floor division by zero");
        double mod = vx % wx; // C fmod: the sign of the dividend
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) div -= 1.0;
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return floordiv;
    }

    /// <summary>
    /// Python's float ** float. A negative base with a non-integral exponent gives a complex
    /// number (returned as <see cref="Complex"/>); everything else a double or an exception.
    /// </summary>
    public static object FloatPower(double iv, double iw)
    {
        if (iw == 0) return 1.0;
        if (double.IsNaN(iv)) return iv;
        if (double.IsNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (double.IsInfinity(iw))
        {
            double abs = Math.Abs(iv);
            if (abs == 1.0) return 1.0;
            return (iw > 0) == (abs > 1.0) ? double.PositiveInfinity : 0.0;
        }
        if (double.IsInfinity(iv))
        {
            bool oddInteger = IsOddInteger(iw);
            if (iw > 0) return oddInteger ? iv : Math.Abs(iv);
            return oddInteger ? Math.CopySign(0.0, iv) : 0.0;
        }
        if (iv == 0)
        {
            if (iw < 0) throw new ToolCallException("0.0 cannot be raised to a negative power");
            return IsOddInteger(iw) ? iv : 0.0;
        }
        bool negateResult = false;
        if (iv < 0)
        {
            if (iw != Math.Floor(iw)) return ComplexPower(new Complex(iv, 0), new Complex(iw, 0));
            iv = -iv;
            negateResult = IsOddInteger(iw);
        }
        if (iv == 1.0) return negateResult ? -1.0 : 1.0;
        double ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix)) throw new ToolCallException("(34, 'Numerical result out of range')");
        return negateResult ? -ix : ix;
    }

    /// <summary>
    /// CPython's complex ** complex: small integral exponents by repeated squaring, others by
    /// polar form; an infinite part is an overflow, a zero base with a negative or complex
    /// exponent a ZeroDivisionError.
    /// </summary>
    public static Complex ComplexPower(Complex a, Complex b)
    {
        bool domainError = false;
        Complex p;
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100)
        {
            long n = (long)b.Real;
            p = n > 0 ? PowUnsigned(a, n) : Quotient(Complex.One, PowUnsigned(a, -n), ref domainError);
        }
        else if (b == Complex.Zero) p = Complex.One;
        else if (a == Complex.Zero)
        {
            domainError = b.Imaginary != 0 || b.Real < 0;
            p = Complex.Zero;
        }
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
        if (domainError) throw new ToolCallException("0.0 to a negative or complex power");
        if (double.IsInfinity(p.Real) || double.IsInfinity(p.Imaginary)) throw new ToolCallException("complex exponentiation");
        return p;
    }

    private static Complex PowUnsigned(Complex x, long n)
    {
        Complex r = Complex.One, p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = Product(r, p);
            p = Product(p, p);
        }
        return r;
    }

    /// <summary>Complex product by the textbook formula (as CPython; .NET's operator may differ in the last bit or for infinities).</summary>
    public static Complex Product(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary>CPython's complex quotient (Smith's method); a zero divisor sets <paramref name="domainError"/>.</summary>
    public static Complex Quotient(Complex a, Complex b, ref bool domainError)
    {
        double absReal = Math.Abs(b.Real), absImag = Math.Abs(b.Imaginary);
        if (absReal >= absImag)
        {
            if (absReal == 0)
            {
                domainError = true;
                return Complex.Zero;
            }
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

    private static bool IsOddInteger(double w) => Math.Abs(w) % 2.0 == 1.0;

    /// <summary>Exact comparison of two Python numbers (int vs float compared without rounding). NaN compares as unordered (null).</summary>
    public static int? Compare(object a, object b)
    {
        if (IsInt(a) && IsInt(b)) return ToBig(a).CompareTo(ToBig(b));
        if (a is double da && b is double db)
            return double.IsNaN(da) || double.IsNaN(db) ? null : da.CompareTo(db);
        if (a is double d) return CompareFloatInt(d, ToBig(b));
        var r = CompareFloatInt((double)b, ToBig(a));
        return r is null ? null : -r;
    }

    private static int? CompareFloatInt(double d, BigInteger n)
    {
        if (double.IsNaN(d)) return null;
        if (double.IsInfinity(d)) return d > 0 ? 1 : -1;
        double floor = Math.Floor(d);
        int c = new BigInteger(floor).CompareTo(n);
        if (c != 0) return c;
        return d > floor ? 1 : 0;
    }
}
