namespace Tau2Observe.Datadog;

/// <summary>
/// Where and how to reach the Datadog API. Keys come from <c>DD_API_KEY</c> / <c>DD_APP_KEY</c>, the
/// site from <c>DD_SITE</c> (bare, e.g. <c>datadoghq.eu</c>). A class rather than a record so that no
/// generated <c>ToString</c> can ever print a key.
/// </summary>
public sealed class DatadogSettings
{
    public const string DefaultSite = "datadoghq.com";

    public DatadogSettings(string? apiKey, string? appKey, string site = DefaultSite, Uri? apiBaseAddress = null)
    {
        ApiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
        AppKey = string.IsNullOrWhiteSpace(appKey) ? null : appKey.Trim();
        Site = site;
        ApiBaseAddress = apiBaseAddress ?? new Uri($"https://api.{site}/");
    }

    public string? ApiKey { get; }
    public string? AppKey { get; }
    public string Site { get; }

    /// <summary><c>https://api.{site}/</c> unless given (tests point it at a local fake).</summary>
    public Uri ApiBaseAddress { get; }

    public static DatadogSettings FromEnvironment()
    {
        var site = System.Environment.GetEnvironmentVariable("DD_SITE");
        return new DatadogSettings(
            System.Environment.GetEnvironmentVariable("DD_API_KEY"),
            System.Environment.GetEnvironmentVariable("DD_APP_KEY"),
            string.IsNullOrWhiteSpace(site) ? DefaultSite : site.Trim());
    }

    /// <summary>Replaces any key that appears in <paramref name="text"/>, e.g. echoed in an error body.</summary>
    public string Redact(string text)
    {
        foreach (var key in new[] { ApiKey, AppKey })
            if (key is not null) text = text.Replace(key, "[redacted]", StringComparison.Ordinal);
        return text;
    }

    public override string ToString() => $"Datadog site {Site} ({ApiBaseAddress})";
}
