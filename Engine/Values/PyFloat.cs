using System.Globalization;
using System.Numerics;
using System.Text;

namespace Tau2Observe.Engine.Values;

/// <summary>Python float formatting (<c>repr</c>) and correctly rounded <c>round(x, n)</c>.</summary>
public static class PyFloat
{
    /// <summary>
    /// Python's <c>repr(float)</c>: shortest round-trip digits, always with a decimal point or
    /// exponent; scientific form when the decimal exponent is below -4 or at least 16.
    /// </summary>
    public static string Repr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";

        var (negative, digits, exp10) = ShortestDigits(d);
        // value = 0.digits × 10^decpt
        int decpt = exp10 + digits.Length;
        var sb = new StringBuilder(24);
        if (negative) sb.Append('-');
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                sb.Append("0.").Append('0', -decpt).Append(digits);
            }
            else if (decpt >= digits.Length)
            {
                sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int e = decpt - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>JSON form used by <c>json.dumps</c>: repr, with NaN/Infinity spelled the JSON-ish way.</summary>
    public static string JsonRepr(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : Repr(d);

    /// <summary>Shortest round-trip significant digits (no leading/trailing zeros) and the power of ten of the last digit.</summary>
    private static (bool Negative, string Digits, int Exp10) ShortestDigits(double d)
    {
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r.StartsWith('-');
        if (negative) r = r[1..];
        int exp = 0;
        int ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        int dot = r.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            exp -= r.Length - dot - 1;
            digits = r.Remove(dot, 1);
        }
        else digits = r;
        digits = digits.TrimStart('0');
        int trailing = digits.Length - digits.TrimEnd('0').Length;
        digits = digits[..(digits.Length - trailing)];
        exp += trailing;
        return (negative, digits, exp);
    }

    /// <summary>
    /// Python's <c>round(x, ndigits)</c>: rounds the exact binary value half-to-even, then
    /// returns the nearest double (so <c>round(2.675, 2) == 2.67</c>).
    /// </summary>
    public static double Round(double x, int ndigits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0) return x;
        bool negative = x < 0;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int rawExp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (rawExp == 0) rawExp = 1; else mantissa |= 1L << 52;
        int exp2 = rawExp - 1075;

        BigInteger num = mantissa, den = BigInteger.One;
        if (exp2 >= 0) num <<= exp2; else den <<= -exp2;
        if (ndigits >= 0) num *= BigInteger.Pow(10, ndigits); else den *= BigInteger.Pow(10, -ndigits);
        var q = BigInteger.DivRem(num, den, out var rem);
        int cmp = (rem * 2).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;

        string text = ndigits >= 0 ? $"{q}E-{ndigits}" : $"{q}E{-ndigits}";
        double result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -result : result;
    }
}
