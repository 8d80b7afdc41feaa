using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Schema;

/// <summary>
/// A typed model (a pydantic model in tau2): fields in declaration order. Validation builds a
/// <see cref="PyRecord"/> with every field present (defaults filled), drops or rejects unknown keys.
/// </summary>
public sealed class ModelSchema(string name, bool forbidExtra = false)
{
    private readonly List<FieldSpec> _fields = [];

    public string Name { get; } = name;
    public bool ForbidExtra { get; } = forbidExtra;
    public IReadOnlyList<FieldSpec> Fields => _fields;

    public ModelSchema Field(string name, FieldType type) { _fields.Add(new FieldSpec(name, type)); return this; }

    public ModelSchema Optional(string name, FieldType type, object? defaultValue = null)
    { _fields.Add(new FieldSpec(name, type, Required: false, Default: defaultValue)); return this; }

    /// <summary>A discriminator field of a tagged union member: a literal with one value.</summary>
    public ModelSchema Tag(string name, string value)
    { _fields.Add(new FieldSpec(name, FieldType.Literal(value), LiteralValue: value)); return this; }

    /// <summary>Validates and returns the record, throwing a tool error with pydantic's report on failure.</summary>
    public PyRecord Validate(object? input)
    {
        var ctx = new ValidationContext();
        var result = ValidateInto(input, ctx);
        ctx.ThrowIfErrors(Name);
        return (PyRecord)result!;
    }

    internal object? ValidateInto(object? input, ValidationContext ctx)
    {
        if (input is not PyDict dict)
            return ctx.Fail("model_type", $"Input should be a valid dictionary or instance of {Name}", input);
        var record = new PyRecord(Name, _fields.Count);
        foreach (var f in _fields)
        {
            if (dict.TryGetValue(f.Name, out var raw))
            {
                using var _ = ctx.At(f.Name);
                record[f.Name] = f.Type.Validate(raw, ctx);
            }
            else if (f.Required)
            {
                using var _ = ctx.At(f.Name);
                ctx.Fail("missing", "Field required", input);
            }
            else record[f.Name] = PyValue.DeepClone(f.Default);
        }
        if (ForbidExtra)
        {
            foreach (var (k, v) in dict)
            {
                if (_fields.Any(f => f.Name == k)) continue;
                using var _ = ctx.At(k);
                ctx.Fail("extra_forbidden", "Extra inputs are not permitted", v);
            }
        }
        return record;
    }
}
