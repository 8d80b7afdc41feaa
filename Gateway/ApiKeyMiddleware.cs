using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tau2Observe.Gateway;

/// <summary>
/// Optional service authentication, as the reference's <c>CredentialsMiddleware</c> (a2a.md §2.3)
/// but switched on whenever keys are configured: every request except health checks, agent cards
/// and the static results page needs <c>Authorization: Bearer &lt;key&gt;</c>; otherwise HTTP 401
/// <c>{"error": ..., "code": "INVALID_AUTH"}</c>. Keys are compared in constant time and never logged.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<GatewayOptions> settings, IConfiguration configuration)
{
    // health checks stay open so that probes and readiness loops need no key; they say nothing of any evaluation
    private static readonly string[] OpenPaths = ["/", "/health", "/health/cluster", "/healthz", "/ready", "/readiness"];

    private readonly byte[][] _keyHashes = Keys(settings.Value, configuration).Select(Hash).ToArray();

    public bool Enabled => _keyHashes.Length > 0;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!Enabled || IsOpen(http.Request.Path))
        {
            await next(http);
            return;
        }
        string? header = http.Request.Headers.Authorization.FirstOrDefault();
        string? problem = header is null ? "Authorization header missing: send 'Authorization: Bearer <key>'."
            : !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "Wrong authorization scheme: expected Bearer."
            : !Accepted(header["Bearer ".Length..].Trim()) ? "API key not accepted."
            : null;
        if (problem is null)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await http.Response.WriteAsJsonAsync(new { error = problem, code = "INVALID_AUTH" });
    }

    /// <summary>The configured keys: <c>Gateway:ApiKeys</c> plus the comma-separated <c>SERVICE_API_KEYS</c>.</summary>
    public static IReadOnlyList<string> Keys(GatewayOptions options, IConfiguration configuration) =>
        options.ApiKeys.Concat((configuration["SERVICE_API_KEYS"] ?? "").Split(','))
            .Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static bool IsOpen(PathString path) =>
        OpenPaths.Contains(path.Value, StringComparer.Ordinal)
        || path.Value?.EndsWith(".well-known/agent-card.json", StringComparison.Ordinal) == true
        || path.StartsWithSegments(ResultsPage.Path);

    private bool Accepted(string token)
    {
        if (token.Length == 0) return false;
        var hash = Hash(token);
        bool accepted = false;
        foreach (var key in _keyHashes) accepted |= CryptographicOperations.FixedTimeEquals(hash, key);
        return accepted;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
