using System.Text.Json.Nodes;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>
/// Dashboards: <c>/api/v1/dashboard</c>. Dashboard tags may only name teams, so ours are recognised
/// by the marker in their description, which the list endpoint returns.
/// </summary>
internal sealed class DashboardApi(DatadogApiClient api) : IManagedResourceApi
{
    private const int PageSize = 100;

    public ResourceKind Kind => ResourceKind.Dashboard;

    public async Task<IReadOnlyList<ManagedResource>> ListManagedAsync(CancellationToken ct)
    {
        var found = new List<ManagedResource>();
        for (int start = 0; ; start += PageSize)
        {
            var dashboards = (await api.GetAsync($"api/v1/dashboard?count={PageSize}&start={start}", ct))?["dashboards"]?.AsArray() ?? [];
            found.AddRange(dashboards
                .Where(d => d!["description"]?.GetValue<string>()?.Contains(ManagedMarker.Tag, StringComparison.Ordinal) == true)
                .Select(d => new ManagedResource(d!["id"]!.GetValue<string>(), d["title"]?.GetValue<string>() ?? "")));
            if (dashboards.Count < PageSize) return found;
        }
    }

    public async Task<string> CreateAsync(JsonObject body, CancellationToken ct) =>
        (await api.PostAsync("api/v1/dashboard", body, ct))?["id"]?.GetValue<string>()
        ?? throw new InvalidDataException("Datadog created a dashboard but returned no id.");

    public Task UpdateAsync(string id, JsonObject body, CancellationToken ct) => api.PutAsync($"api/v1/dashboard/{id}", body, ct);

    public Task DeleteAsync(string id, CancellationToken ct) => api.DeleteAsync($"api/v1/dashboard/{id}", ct);
}
