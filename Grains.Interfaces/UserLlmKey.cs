namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// The API key a caller gave for the user-simulator model (the gateway's <c>X-User-LLM-API-Key</c>).
/// It reaches the cluster in the call that starts an evaluation; grains persist it only encrypted
/// (ASP.NET Core Data Protection, docs/durability.md), so a trial resumed on another silo still has it,
/// and <see cref="ToString"/> does not show it. A trial that cannot decrypt it (the key ring was lost)
/// falls back to the server's own key for the provider, or fails saying which variable to set.
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
