namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// A metric the product emits, with the tag keys its points carry. <paramref name="Conditional"/>: only
/// emitted when its input exists (action checks, a failed NL assertion, a cost, tokens, a failure).
/// </summary>
public sealed record MetricDefinition(string Name, MetricKind Kind, IReadOnlySet<string> Tags, bool Conditional = false);
