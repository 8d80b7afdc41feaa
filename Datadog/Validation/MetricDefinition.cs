namespace Tau2Observe.Datadog.Validation;

/// <summary>A metric the product emits, with the tag keys its points carry.</summary>
public sealed record MetricDefinition(string Name, MetricKind Kind, IReadOnlySet<string> Tags);
