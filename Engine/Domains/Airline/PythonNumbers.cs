using System.Numerics;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Airline;

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
            if (iw != Math.Floor(iw)) return Complex.Pow(new Complex(iv, 0), new Complex(iw, 0));
            iv = -iv;
            negateResult = IsOddInteger(iw);
        }
        if (iv == 1.0) return negateResult ? -1.0 : 1.0;
        double ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix)) throw new ToolCallException("(34, 'Numerical result out of range')");
        return negateResult ? -ix : ix;
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
