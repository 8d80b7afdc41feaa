using System.Text.Json.Nodes;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Provisioning;

/// <summary>The four operations the provisioner needs on one kind of resource, whatever its endpoints.</summary>
internal interface IManagedResourceApi
{
    ResourceKind Kind { get; }

    /// <summary>Every existing resource of this kind that carries the managed marker (all pages).</summary>
    Task<IReadOnlyList<ManagedResource>> ListManagedAsync(CancellationToken ct);

    /// <summary>Creates the resource and returns its id.</summary>
    Task<string> CreateAsync(JsonObject body, CancellationToken ct);

    Task UpdateAsync(string id, JsonObject body, CancellationToken ct);

    Task DeleteAsync(string id, CancellationToken ct);
}
