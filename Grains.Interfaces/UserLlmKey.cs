namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// The API key a caller gave for the user-simulator model (the gateway's <c>X-User-LLM-API-Key</c>).
/// It travels with the grain calls that start an evaluation, its tasks and its trials, and lives in
/// their memory only: it is never part of persisted state, and <see cref="ToString"/> does not show it.
/// An activation that lost it (a restart) falls back to the server's own key for the provider, or fails
/// the trial saying which variable to set.
/// </summary>
[GenerateSerializer, Immutable, Alias("tau2obs.UserLlmKey")]
public sealed class UserLlmKey
{
    public UserLlmKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    [Id(0)] public string Value { get; }

    public override string ToString() => "UserLlmKey(redacted)";
}
