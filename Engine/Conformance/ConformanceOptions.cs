namespace Tau2Observe.Engine.Conformance;

/// <summary>
/// <see cref="Relaxed"/> accepts any error text (still requiring an error) where the expected
/// error's kind is <c>python</c> or <c>pydantic</c>, whose texts come from the reference's runtime.
/// </summary>
public sealed record ConformanceOptions(bool Relaxed = false, bool Verbose = false);
