using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Tau2Observe.Grains.Secrets;

/// <summary>
/// Encrypts an evaluation's <see cref="RequestSecrets"/> for grain state with ASP.NET Core Data
/// Protection. Every silo must share the key ring (on Redis it is kept there), or a trial resumed
/// elsewhere cannot read them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Tau2Observe.RequestSecrets.v2");
    // states written before the agent endpoint was kept here protected the user key alone
    private readonly IDataProtector _userKeyOnly = provider.CreateProtector("Tau2Observe.UserLlmKey.v1");

    /// <summary>The protected form, or null when there is nothing to keep.</summary>
    public string? Protect(RequestSecrets secrets) =>
        secrets.IsEmpty ? null : _protector.Protect(JsonSerializer.Serialize(secrets));

    /// <summary>The secrets again (<see cref="RequestSecrets.None"/> when there were none); throws <see cref="SecretsUnavailableException"/> when the key ring cannot open them.</summary>
    public RequestSecrets Unprotect(string? protectedSecrets)
    {
        if (protectedSecrets is null) return RequestSecrets.None;
        try
        {
            return JsonSerializer.Deserialize<RequestSecrets>(_protector.Unprotect(protectedSecrets)) ?? RequestSecrets.None;
        }
        catch (CryptographicException)
        {
        }
        try
        {
            return new RequestSecrets(_userKeyOnly.Unprotect(protectedSecrets), null);
        }
        catch (CryptographicException e)
        {
            throw new SecretsUnavailableException(
                "the secrets sent with this evaluation (the user model's API key, the agent URL's credentials) can no longer be " +
                "decrypted (the silos' data-protection key ring changed); the trial continues without them", e);
        }
    }
}
