using System.Globalization;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Schema;

/// <summary>
/// A field type with pydantic v2 "lax" validation: the coercions pydantic applies when a model
/// is built (int 100 into a float field becomes 100.0, 122.0 into an int field becomes 122,
/// numeric strings into numbers) and its error codes when it refuses.
/// </summary>
public abstract class FieldType
{
    public abstract object? Validate(object? input, ValidationContext ctx);

    public static readonly FieldType Str = new StrType();
    public static readonly FieldType Int = new IntType();
    public static readonly FieldType Float = new FloatType();
    public static readonly FieldType Bool = new BoolType();
    public static readonly FieldType Any = new AnyType();
    public static readonly FieldType Date = new DateType();
    public static readonly FieldType DateTime = new DateTimeType();

    public static FieldType Literal(params string[] values) => new LiteralType(values);
    public static FieldType Optional(FieldType inner) => new OptionalType(inner);
    public static FieldType ListOf(FieldType item) => new ListType(item);
    public static FieldType DictOf(FieldType value) => new DictType(value);
    public static FieldType Model(ModelSchema schema) => new ModelType(schema);
    public static FieldType TaggedUnion(string tagField, params ModelSchema[] members) => new TaggedUnionType(tagField, members);

    private sealed class AnyType : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx) => input;
    }

    private sealed class StrType : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx) =>
            input is string ? input : ctx.Fail("string_type", "Input should be a valid string", input);
    }

    private sealed class IntType : FieldType
    {
        // pydantic: optional sign, digits with single underscores between them, optional ".000" fraction
        private static readonly System.Text.RegularExpressions.Regex IntText = new(@"^[+-]?[0-9](_?[0-9])*(\.0+)?$");

        public override object? Validate(object? input, ValidationContext ctx)
        {
            switch (input)
            {
                case long or System.Numerics.BigInteger: return input;
                case bool b: return b ? 1L : 0L;
                case double d:
                    if (!double.IsFinite(d)) return ctx.Fail("finite_number", "Input should be a finite number", input);
                    if (Math.Floor(d) != d) return ctx.Fail("int_from_float", "Input should be a valid integer, got a number with a fractional part", input);
                    if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
                        return ctx.Fail("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", input);
                    return (long)d;
                case string s:
                    string t = s.Trim();
                    if (IntText.IsMatch(t))
                    {
                        int dot = t.IndexOf('.');
                        var big = System.Numerics.BigInteger.Parse((dot >= 0 ? t[..dot] : t).Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
                    }
                    return ctx.Fail("int_parsing", "Input should be a valid integer, unable to parse string as an integer", input);
                default: return ctx.Fail("int_type", "Input should be a valid integer", input);
            }
        }
    }

    private sealed class FloatType : FieldType
    {
        // Python float syntax: underscores between digits, optional exponent; or inf/infinity/nan
        private static readonly System.Text.RegularExpressions.Regex FloatText = new(
            @"^[+-]?(([0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?|\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?|inf|infinity|nan)$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        public override object? Validate(object? input, ValidationContext ctx)
        {
            switch (input)
            {
                case double: return input;
                case long l: return (double)l;
                case System.Numerics.BigInteger bi: return double.Parse(bi.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                case bool b: return b ? 1.0 : 0.0;
                case string s:
                    string t = s.Trim();
                    if (FloatText.IsMatch(t)) return ParseFloat(t);
                    return ctx.Fail("float_parsing", "Input should be a valid number, unable to parse string as a number", input);
                default: return ctx.Fail("float_type", "Input should be a valid number", input);
            }
        }

        private static double ParseFloat(string t)
        {
            bool negative = t.StartsWith('-');
            string body = t.TrimStart('+', '-').ToLowerInvariant();
            double value = body switch
            {
                "inf" or "infinity" => double.PositiveInfinity,
                "nan" => double.NaN,
                _ => double.Parse(body.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            return negative ? -value : value;
        }
    }

    private sealed class BoolType : FieldType
    {
        private static readonly string[] True = ["1", "on", "t", "true", "y", "yes"];
        private static readonly string[] False = ["0", "off", "f", "false", "n", "no"];

        public override object? Validate(object? input, ValidationContext ctx)
        {
            switch (input)
            {
                case bool: return input;
                case long l when l is 0 or 1: return l == 1;
                case double d when d is 0 or 1: return d == 1;
                case string s when True.Contains(s.ToLowerInvariant()): return true;
                case string s when False.Contains(s.ToLowerInvariant()): return false;
                case string or long or double:
                    return ctx.Fail("bool_parsing", "Input should be a valid boolean, unable to interpret input", input);
                default: return ctx.Fail("bool_type", "Input should be a valid boolean", input);
            }
        }
    }

    private sealed class DateType : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is DateOnly) return input;
            if (input is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            return ctx.Fail("date_from_datetime_parsing", "Input should be a valid date or datetime", input);
        }
    }

    private sealed class DateTimeType : FieldType
    {
        private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];

        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is System.DateTime) return input;
            if (input is string s && System.DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return dt;
            return ctx.Fail("datetime_from_date_parsing", "Input should be a valid datetime", input);
        }
    }

    private sealed class LiteralType(string[] values) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is string s && values.Contains(s, StringComparer.Ordinal)) return s;
            var quoted = values.Select(v => PyRepr.ReprString(v)).ToList();
            string expected = quoted.Count switch
            {
                1 => quoted[0],
                _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1],
            };
            return ctx.Fail("literal_error", "Input should be " + expected, input);
        }
    }

    private sealed class OptionalType(FieldType inner) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx) => input is null ? null : inner.Validate(input, ctx);
    }

    private sealed class ListType(FieldType item) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is not List<object?> list) return ctx.Fail("list_type", "Input should be a valid list", input);
            var result = new List<object?>(list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                using var _ = ctx.At(i.ToString(CultureInfo.InvariantCulture));
                result.Add(item.Validate(list[i], ctx));
            }
            return result;
        }
    }

    private sealed class DictType(FieldType value) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is not PyDict dict) return ctx.Fail("dict_type", "Input should be a valid dictionary", input);
            var result = new PyDict(dict.Count);
            foreach (var (k, v) in dict)
            {
                using var _ = ctx.At(k);
                result[k] = value.Validate(v, ctx);
            }
            return result;
        }
    }

    private sealed class ModelType(ModelSchema schema) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx) => schema.ValidateInto(input, ctx);
    }

    private sealed class TaggedUnionType(string tagField, ModelSchema[] members) : FieldType
    {
        public override object? Validate(object? input, ValidationContext ctx)
        {
            if (input is not PyDict dict) return ctx.Fail("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", input);
            var tags = members.Select(m => (string)m.Fields.First(f => f.Name == tagField).LiteralValue!).ToList();
            if (!dict.TryGetValue(tagField, out var tag))
                return ctx.Fail("union_tag_not_found", $"Unable to extract tag using discriminator '{tagField}'", input);
            int index = tag is string ts ? tags.IndexOf(ts) : -1;
            if (index < 0)
            {
                string expected = string.Join(", ", tags.Select(t => PyRepr.ReprString(t)));
                return ctx.Fail("union_tag_invalid", $"Input tag {PyRepr.ReprString(PyRepr.Str(tag))} found using '{tagField}' does not match any of the expected tags: {expected}", input);
            }
            using var _ = ctx.At(tags[index]);
            return members[index].ValidateInto(input, ctx);
        }
    }
}
