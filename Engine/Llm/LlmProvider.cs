namespace Tau2Observe.Engine.Llm;

/// <summary>
/// A provider reachable through an OpenAI-compatible chat-completions API: where it lives by default,
/// which environment variables may hold its key, and which one may override its base URL.
/// </summary>
public sealed record LlmProvider(string Name, Uri? DefaultBaseUrl, IReadOnlyList<string> ApiKeyVariables, string? BaseUrlVariable);
