using Tau2Observe.Engine.Data.Schema;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>A <c>dict[Enum, T]</c> field: keys are validated as enum values, values with their own type.</summary>
internal sealed class EnumKeyedDictType(EnumFieldType key, FieldType value) : FieldType
{
    public override object? Validate(object? input, ValidationContext ctx)
    {
        if (input is not PyDict dict) return ctx.Fail("dict_type", "Input should be a valid dictionary", input);
        var result = new PyDict(dict.Count);
        foreach (var (k, v) in dict)
        {
            using var _ = ctx.At(k);
            using (ctx.At("[key]")) key.Validate(k, ctx);
            result[k] = value.Validate(v, ctx);
        }
        return result;
    }
}
