namespace Tau2Observe.Datadog;

/// <summary>
/// How the provisioner recognises what it owns: monitors and SLOs carry this tag; dashboards,
/// whose tags may only name teams, carry it in their description. Teardown deletes nothing else.
/// </summary>
public static class ManagedMarker
{
    public const string Tag = "tau2observe:managed";
}
