using System.Text.Json.Nodes;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>Monitors: <c>/api/v1/monitor</c>, listed by monitor tag page by page.</summary>
internal sealed class MonitorApi(DatadogApiClient api) : IManagedResourceApi
{
    private const int PageSize = 100;

    public ResourceKind Kind => ResourceKind.Monitor;

    public async Task<IReadOnlyList<ManagedResource>> ListManagedAsync(CancellationToken ct)
    {
        var found = new List<ManagedResource>();
        for (int page = 0; ; page++)
        {
            var query = $"api/v1/monitor?monitor_tags={Uri.EscapeDataString(ManagedMarker.Tag)}&page={page}&page_size={PageSize}";
            var monitors = (await api.GetAsync(query, ct))?.AsArray() ?? [];
            found.AddRange(monitors
                .Where(m => ResourceTags.Has(m!, ManagedMarker.Tag))
                .Select(m => new ManagedResource(m!["id"]!.ToString(), m["name"]?.GetValue<string>() ?? "")));
            if (monitors.Count < PageSize) return found;
        }
    }

    public async Task<string> CreateAsync(JsonObject body, CancellationToken ct) =>
        (await api.PostAsync("api/v1/monitor", body, ct))?["id"]?.ToString()
        ?? throw new InvalidDataException("Datadog created a monitor but returned no id.");

    public Task UpdateAsync(string id, JsonObject body, CancellationToken ct) => api.PutAsync($"api/v1/monitor/{id}", body, ct);

    public Task DeleteAsync(string id, CancellationToken ct) => api.DeleteAsync($"api/v1/monitor/{id}", ct);
}
