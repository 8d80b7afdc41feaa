using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;
using Tau2Observe.Engine.Domains.Calculator;
using static Tau2Observe.Engine.Domains.Calculator.PythonNumbers;

namespace Tau2Observe.Engine.Domains.Airline;

/// <summary>
/// Python's binary operators and comparisons over Python-like values, as the airline tools apply
/// them to unvalidated arguments: ints stay exact, int with float gives float, strings and lists
/// concatenate and repeat, and other kinds raise CPython's TypeError texts.
/// </summary>
internal static class PythonOperators
{
    public static object Add(object? a, object? b, bool augmented = false)
    {
        if (IsInt(a) && IsInt(b)) return Normalize(ToBig(a) + ToBig(b));
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a) + ToDouble(b);
        switch (a)
        {
            case string sa:
                return b is string sb ? sa + sb : throw new ToolCallException($"can only concatenate str (not \"{PyValue.TypeName(b)}\") to str");
            case List<object?> la:
                if (b is List<object?> lb) return la.Concat(lb).ToList();
                if (augmented) return la.Concat(PythonBuiltins.Iterate(b)).ToList();
                throw new ToolCallException($"can only concatenate list (not \"{PyValue.TypeName(b)}\") to list");
        }
        throw Unsupported(augmented ? "+=" : "+", a, b);
    }

    public static object Sub(object? a, object? b, bool augmented = false)
    {
        if (IsInt(a) && IsInt(b)) return Normalize(ToBig(a) - ToBig(b));
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a) - ToDouble(b);
        throw Unsupported(augmented ? "-=" : "-", a, b);
    }

    public static object Mul(object? a, object? b, bool augmented = false)
    {
        if (IsInt(a) && IsInt(b)) return Normalize(ToBig(a) * ToBig(b));
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a) * ToDouble(b);
        if (IsSequence(a)) return Repeat(a!, b);
        if (IsSequence(b)) return Repeat(b!, a);
        throw Unsupported(augmented ? "*=" : "*", a, b);
    }

    /// <summary>Unary minus.</summary>
    public static object Neg(object? a) =>
        IsInt(a) ? Normalize(-ToBig(a)) : a is double d ? -d : throw new ToolCallException($"bad operand type for unary -: '{PyValue.TypeName(a)}'");

    private static bool IsSequence(object? v) => v is string or List<object?>;

    private static object Repeat(object sequence, object? count)
    {
        if (!IsInt(count)) throw new ToolCallException($"can't multiply sequence by non-int of type '{PyValue.TypeName(count)}'");
        var n = ToBig(count);
        if (n > long.MaxValue || n < long.MinValue) throw new ToolCallException($"cannot fit 'int' into an index-sized integer");
        long times = (long)n;
        if (sequence is string s) return PythonBuiltins.Repeat(s, times);
        var list = (List<object?>)sequence;
        var result = new List<object?>();
        for (long i = 0; i < times; i++) result.AddRange(list);
        return result;
    }

    public static bool Lt(object? a, object? b) => Compare("<", a, b, c => c < 0);

    public static bool Gt(object? a, object? b) => Compare(">", a, b, c => c > 0);

    public static bool Ge(object? a, object? b) => Compare(">=", a, b, c => c >= 0);

    private static bool Compare(string op, object? a, object? b, Func<int, bool> test)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            int? c = PythonNumbers.Compare(a!, b!);
            return c is { } v && test(v);
        }
        if (a is string sa && b is string sb) return test(string.CompareOrdinal(sa, sb));
        throw new ToolCallException($"'{op}' not supported between instances of '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");
    }

    public static bool Eq(object? a, object? b) => PyEquality.Equals(a, b);

    /// <summary>Python's <c>max(a, b)</c>: the first argument unless the second is strictly greater.</summary>
    public static object? Max(object? a, object? b) => Gt(b, a) ? b : a;

    /// <summary>Python's <c>sum(items)</c> (start 0).</summary>
    public static object Sum(IEnumerable<object?> items)
    {
        object total = 0L;
        foreach (var item in items) total = Add(total, item);
        return total;
    }

    private static ToolCallException Unsupported(string op, object? a, object? b) =>
        new($"unsupported operand type(s) for {op}: '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");
}
