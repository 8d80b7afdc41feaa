namespace Tau2Observe.Engine.Llm;

/// <summary>USD per million tokens; cached prompt tokens cost the input price when no cached price is known.</summary>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion, double? CachedInputPerMillion);
