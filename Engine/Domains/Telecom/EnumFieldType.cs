using Tau2Observe.Engine.Data.Schema;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// A pydantic <c>Enum</c> field: the wire value is kept as its string, anything else is refused
/// with pydantic's <c>enum</c> error (which differs from a <c>Literal</c>'s <c>literal_error</c>).
/// </summary>
internal sealed class EnumFieldType(string enumName, params string[] values) : FieldType
{
    public string EnumName { get; } = enumName;
    public IReadOnlyList<string> Values { get; } = values;

    public bool IsMember(object? v) => v is string s && Values.Contains(s, StringComparer.Ordinal);

    public override object? Validate(object? input, ValidationContext ctx)
    {
        if (IsMember(input)) return input;
        var quoted = Values.Select(v => PyRepr.ReprString(v)).ToList();
        string expected = quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
        return ctx.Fail("enum", "Input should be " + expected, input);
    }

    /// <summary>Python's <c>repr()</c> of a member, e.g. <c>&lt;PerformanceLevel.POOR: 'poor'&gt;</c>.</summary>
    public string MemberRepr(string value) => $"<{EnumName}.{MemberName(value)}: {PyRepr.ReprString(value)}>";

    // Member names are the upper-cased values for every enum whose repr telecom prints (PerformanceLevel).
    private static string MemberName(string value) => value.ToUpperInvariant();
}
