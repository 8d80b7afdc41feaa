using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>
/// Case Management projects (<c>/api/v2/cases/projects</c>), found by their key. Monitors open cases
/// through the project's <c>@case-</c> handle; the project is only ever created, never deleted,
/// because it holds the history of the cases opened in it.
/// </summary>
internal sealed class CaseProjectApi(DatadogApiClient api)
{
    /// <summary>The id of the project with this key, or null.</summary>
    public async Task<string?> FindAsync(string key, CancellationToken ct)
    {
        var projects = (await api.GetAsync("api/v2/cases/projects", ct))?["data"]?.AsArray() ?? [];
        return projects.FirstOrDefault(p => p?["attributes"]?["key"]?.GetValue<string>() == key)?["id"]?.GetValue<string>();
    }

    public async Task<string> CreateAsync(JsonObject body, CancellationToken ct) =>
        (await api.PostAsync("api/v2/cases/projects", body, ct))?["data"]?["id"]?.GetValue<string>()
        ?? throw new InvalidDataException("Datadog created a case project but returned no id.");
}
