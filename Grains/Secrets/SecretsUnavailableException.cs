namespace Tau2Observe.Grains.Secrets;

/// <summary>Stored secrets that this silo cannot decrypt (its key ring lacks the key they were protected with).</summary>
public sealed class SecretsUnavailableException(string message, Exception inner) : Exception(message, inner);
