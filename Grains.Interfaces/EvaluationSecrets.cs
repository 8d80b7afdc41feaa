namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// Credentials that came with a request (e.g. the user simulator's LLM API key). They travel
/// only in grain calls; grains persist them encrypted (ASP.NET Core Data Protection), never in plain text.
/// </summary>
[GenerateSerializer, Immutable, Alias("tau2obs.EvaluationSecrets")]
public sealed record EvaluationSecrets
{
    /// <summary>API key for the user simulator's LLM provider (the gateway's <c>X-User-LLM-API-Key</c> header).</summary>
    [Id(0)] public string? UserLlmApiKey { get; init; }

    public bool IsEmpty => string.IsNullOrEmpty(UserLlmApiKey);

    // never print a secret by accident (records print their members)
    public override string ToString() => IsEmpty ? "EvaluationSecrets { }" : "EvaluationSecrets { UserLlmApiKey = *** }";
}
