namespace Tau2Observe.Datadog.Provisioning;

/// <summary>A resource that exists in Datadog and carries <see cref="ManagedMarker"/>.</summary>
public sealed record ManagedResource(string Id, string Name);
