namespace Tau2Observe.Engine.Metrics;

/// <summary>A two-sided interval around an estimate, at <see cref="Level"/> confidence (e.g. 0.95).</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level);
