namespace Tau2Observe.Grains.Interfaces;

/// <summary>Lifecycle of an evaluation; the last three are terminal.</summary>
[GenerateSerializer, Alias("tau2obs.EvaluationStatus")]
public enum EvaluationStatus { Submitted, Working, Completed, Failed, Cancelled }
