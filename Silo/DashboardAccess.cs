using System.Security.Cryptography;
using System.Text;

namespace Tau2Observe.Silo;

/// <summary>
/// Guards the Orleans dashboard (which shows grain state and logs and has no authentication of its own)
/// with HTTP Basic authentication when <c>Tau2Observe:Dashboard:Password</c> is set. Without it the
/// dashboard relies on the silo's HTTP address being loopback (the default) or an admin network.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/dashboard";

    public static void UseDashboardAccess(this WebApplication app)
    {
        string? password = app.Configuration["Tau2Observe:Dashboard:Password"];
        if (string.IsNullOrEmpty(password)) return;
        string user = app.Configuration["Tau2Observe:Dashboard:User"] is { Length: > 0 } u ? u : "admin";
        byte[] expected = Encoding.UTF8.GetBytes($"{user}:{password}");
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (http, next) =>
        {
            if (Allowed(http.Request.Headers.Authorization.ToString(), expected))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans dashboard\", charset=\"UTF-8\"";
        }));
    }

    private static bool Allowed(string authorization, byte[] expected)
    {
        const string scheme = "Basic ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorization[scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
