namespace Tau2Observe.Engine.Llm;

/// <summary>A model string or its credentials cannot be turned into a usable endpoint (e.g. no API key anywhere).</summary>
public sealed class LlmConfigurationException(string message) : Exception(message);
