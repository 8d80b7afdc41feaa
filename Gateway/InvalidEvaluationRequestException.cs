namespace Tau2Observe.Gateway;

/// <summary>The cluster refused an evaluation request (unknown domain or task ids); the message says why and is shown to the caller.</summary>
public sealed class InvalidEvaluationRequestException(string message, Exception? inner = null) : Exception(message, inner);
