using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Provisioning;

/// <param name="DryRun">Print what would be done and send nothing.</param>
/// <param name="Only">Restrict to one kind; the case project goes with monitors, whose messages use its handle.</param>
public sealed record ProvisionOptions(bool DryRun = false, ResourceKind? Only = null)
{
    public bool Includes(ResourceKind kind) =>
        Only is null || Only == kind || (kind == ResourceKind.CaseProject && Only == ResourceKind.Monitor);
}
