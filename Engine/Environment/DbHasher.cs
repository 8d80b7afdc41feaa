using System.Buffers;
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
    // the root and its tables are written here; below them, records are frozen fragments or written whole
    private const int StructureDepth = 2;
    private const int FlushChars = 1 << 15;

    /// <summary>The hash of <see cref="CanonicalJson"/>, streamed: frozen records contribute their cached bytes.</summary>
    public static string Hash(object? db)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pending = new StringBuilder();
        Write(db, 0, sha, pending);
        Flush(sha, pending);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string CanonicalJson(object? db) => PyJson.Dumps(db, sortKeys: true);

    public static string HashText(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    // the same layout as PyJson.Write with sorted keys, for the top levels only
    private static void Write(object? value, int depth, IncrementalHash sha, StringBuilder pending)
    {
        if (value is not null && CanonicalFragments.Find(value) is { } bytes)
        {
            Flush(sha, pending);
            sha.AppendData(bytes);
            return;
        }
        if (depth >= StructureDepth || value is not (PyDict or List<object?>))
        {
            PyJson.Write(pending, value, sortKeys: true);
        }
        else if (value is PyDict dict)
        {
            pending.Append('{');
            bool first = true;
            foreach (var (k, v) in dict.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (!first) pending.Append(", ");
                first = false;
                PyJson.WriteString(pending, k);
                pending.Append(": ");
                Write(v, depth + 1, sha, pending);
            }
            pending.Append('}');
        }
        else
        {
            var list = (List<object?>)value;
            pending.Append('[');
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0) pending.Append(", ");
                Write(list[i], depth + 1, sha, pending);
            }
            pending.Append(']');
        }
        if (pending.Length >= FlushChars) Flush(sha, pending);
    }

    private static void Flush(IncrementalHash sha, StringBuilder pending)
    {
        if (pending.Length == 0) return;
        foreach (var chunk in pending.GetChunks())
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chunk.Length));
            int length = Encoding.UTF8.GetBytes(chunk.Span, buffer);
            sha.AppendData(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
        pending.Clear();
    }
}
