using System.Security.Cryptography;
using System.Text;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// tau2's canonical database hash: SHA-256 (lower-case hex) of the full field dump written as
/// <c>json.dumps(..., sort_keys=True, default=str)</c>.
/// </summary>
public static class DbHasher
{
    public static string Hash(object? db) => HashText(CanonicalJson(db));

    public static string CanonicalJson(object? db) => PyJson.Dumps(db, sortKeys: true);

    public static string HashText(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
