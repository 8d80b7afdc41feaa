using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Tau2Observe.ServiceDefaults;

/// <summary>
/// A host's development address (loopback, fixed port) applies only when nothing else says where to
/// listen: <c>--urls</c>, <c>ASPNETCORE_URLS</c>, or the container images' <c>ASPNETCORE_HTTP_PORTS=8080</c>.
/// (A <c>Urls</c> entry in appsettings.json would silently override all of them.)
/// </summary>
public static class DefaultUrls
{
    public static WebApplicationBuilder ListenByDefaultOn(this WebApplicationBuilder builder, string url)
    {
        var configuration = builder.Configuration;
        bool configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        if (!configured) builder.WebHost.UseUrls(url);
        return builder;
    }
}
