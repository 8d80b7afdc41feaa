using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Secrets;

/// <summary>
/// Encrypts a request's secrets for grain state with ASP.NET Core Data Protection. Every silo must
/// share the key ring (on Redis it is kept there), or a trial resumed elsewhere cannot read them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Tau2Observe.EvaluationSecrets.v1");

    /// <summary>The protected form, or null when there is nothing to protect.</summary>
    public string? Protect(EvaluationSecrets? secrets) =>
        secrets is null || secrets.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(new StoredSecrets(secrets.UserLlmApiKey)));

    /// <summary>The secrets again; null when there were none; throws <see cref="SecretsUnavailableException"/> when the key ring cannot open them.</summary>
    public EvaluationSecrets? Unprotect(string? protectedSecrets)
    {
        if (protectedSecrets is null) return null;
        try
        {
            var stored = JsonSerializer.Deserialize<StoredSecrets>(_protector.Unprotect(protectedSecrets));
            return new EvaluationSecrets { UserLlmApiKey = stored?.UserLlmApiKey };
        }
        catch (CryptographicException e)
        {
            throw new SecretsUnavailableException(
                "the API key sent with this evaluation can no longer be decrypted (the silos' data-protection key ring changed); " +
                "the trial continues with the server's own keys, if any", e);
        }
    }

    private sealed record StoredSecrets(string? UserLlmApiKey);
}
