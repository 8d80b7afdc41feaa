using System.Text.Json.Nodes;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>Service level objectives: <c>/api/v1/slo</c>, answers wrapped in <c>{"data":[...]}</c>.</summary>
internal sealed class SloApi(DatadogApiClient api) : IManagedResourceApi
{
    private const int PageSize = 100;

    public ResourceKind Kind => ResourceKind.Slo;

    public async Task<IReadOnlyList<ManagedResource>> ListManagedAsync(CancellationToken ct)
    {
        var found = new List<ManagedResource>();
        for (int offset = 0; ; offset += PageSize)
        {
            var query = $"api/v1/slo?tags_query={Uri.EscapeDataString(ManagedMarker.Tag)}&limit={PageSize}&offset={offset}";
            var slos = (await api.GetAsync(query, ct))?["data"]?.AsArray() ?? [];
            found.AddRange(slos
                .Where(s => ResourceTags.Has(s!, ManagedMarker.Tag))
                .Select(s => new ManagedResource(s!["id"]!.GetValue<string>(), s["name"]?.GetValue<string>() ?? "")));
            if (slos.Count < PageSize) return found;
        }
    }

    public async Task<string> CreateAsync(JsonObject body, CancellationToken ct) =>
        (await api.PostAsync("api/v1/slo", body, ct))?["data"]?[0]?["id"]?.GetValue<string>()
        ?? throw new InvalidDataException("Datadog created an SLO but returned no id.");

    public Task UpdateAsync(string id, JsonObject body, CancellationToken ct) => api.PutAsync($"api/v1/slo/{id}", body, ct);

    public Task DeleteAsync(string id, CancellationToken ct) => api.DeleteAsync($"api/v1/slo/{id}", ct);
}
