using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Secrets;

/// <summary>
/// Encrypts the caller's user-model key for grain state with ASP.NET Core Data Protection. Every silo
/// must share the key ring (on Redis it is kept there), or a trial resumed elsewhere cannot read it.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Tau2Observe.UserLlmKey.v1");

    /// <summary>The protected form, or null when there is no key.</summary>
    public string? Protect(UserLlmKey? key) => key is null ? null : _protector.Protect(key.Value);

    /// <summary>The key again; null when there was none; throws <see cref="SecretsUnavailableException"/> when the key ring cannot open it.</summary>
    public string? Unprotect(string? protectedKey)
    {
        if (protectedKey is null) return null;
        try
        {
            return _protector.Unprotect(protectedKey);
        }
        catch (CryptographicException e)
        {
            throw new SecretsUnavailableException(
                "the API key sent with this evaluation can no longer be decrypted (the silos' data-protection key ring changed); " +
                "the trial continues with the server's own keys, if any", e);
        }
    }
}
