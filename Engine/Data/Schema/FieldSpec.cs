namespace Tau2Observe.Engine.Data.Schema;

/// <summary>A model field: its type, and whether it is required or takes a default.</summary>
public sealed record FieldSpec(string Name, FieldType Type, bool Required = true, object? Default = null, string? LiteralValue = null);
