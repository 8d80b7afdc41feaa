using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog;

/// <summary>
/// A thin JSON client for the Datadog REST API (monitors, SLOs, dashboards, case projects).
/// Every request carries <c>DD-API-KEY</c> and <c>DD-APPLICATION-KEY</c>; failures become
/// <see cref="DatadogApiException"/> with a message that explains auth failures and names no key.
/// </summary>
public sealed class DatadogApiClient
{
    private readonly HttpClient _http;
    private readonly DatadogSettings _settings;

    public DatadogApiClient(HttpClient http, DatadogSettings settings)
    {
        if (settings.ApiKey is null || settings.AppKey is null)
            throw new InvalidOperationException("DD_API_KEY and DD_APP_KEY must both be set to call the Datadog API.");
        _http = http;
        _settings = settings;
    }

    public Task<JsonNode?> GetAsync(string pathAndQuery, CancellationToken ct) => SendAsync(HttpMethod.Get, pathAndQuery, null, ct);
    public Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);
    public Task<JsonNode?> PutAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);
    public Task<JsonNode?> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_settings.ApiBaseAddress, pathAndQuery.TrimStart('/')));
        request.Headers.Add("DD-API-KEY", _settings.ApiKey);
        request.Headers.Add("DD-APPLICATION-KEY", _settings.AppKey);
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var path = pathAndQuery.Split('?')[0];
        if (!response.IsSuccessStatusCode)
            throw new DatadogApiException(response.StatusCode, method.Method, path, Describe(response, method.Method, path, text));
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private string Describe(HttpResponseMessage response, string method, string path, string body)
    {
        int code = (int)response.StatusCode;
        var detail = _settings.Redact(ErrorDetail(body));
        if (code is 401 or 403)
            return $"Datadog refused the credentials ({code} {response.ReasonPhrase}) on {method} {path}: "
                 + $"check DD_API_KEY, DD_APP_KEY (it needs the monitors/SLOs/dashboards/cases write scopes) and DD_SITE (now {_settings.Site}).";
        return $"Datadog answered {code} {response.ReasonPhrase} on {method} {path}" + (detail.Length > 0 ? $": {detail}" : ".");
    }

    /// <summary>Datadog errors look like <c>{"errors":["..."]}</c>; anything else is shown shortened.</summary>
    private static string ErrorDetail(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "";
        try
        {
            if (JsonNode.Parse(body)?["errors"] is JsonArray errors)
                return string.Join("; ", errors.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : e?.ToJsonString()));
        }
        catch (JsonException)
        {
            // not JSON: fall through to the raw text
        }
        return body.Length <= 300 ? body : body[..300] + "...";
    }
}
