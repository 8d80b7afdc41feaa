using System.Security.Cryptography;
using System.Text.Json;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// Evaluation ids derived from the request, which carries the caller's A2A messageId as its
/// idempotency key: a resent message maps to the same evaluation instead of starting a second
/// one, while a different request that reuses a messageId (e.g. "1" from a curl example) does not.
/// The contextId the caller named is part of the request too: a task belongs to one context, so the
/// same message sent in another context is another task.
/// </summary>
public static class EvaluationIds
{
    public static string For(EvaluationRequest request)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(request);
        return "eval-" + Convert.ToHexStringLower(SHA256.HashData(canonical))[..24];
    }
}
