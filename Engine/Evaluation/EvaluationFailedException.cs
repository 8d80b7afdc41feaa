namespace Tau2Observe.Engine.Evaluation;

/// <summary>The evaluator could not grade a run (replay mismatch, a raising assertion, an unevaluated basis component).</summary>
public sealed class EvaluationFailedException(string message, Exception? inner = null) : Exception(message, inner);
