namespace Tau2Observe.Grains.Interfaces;

/// <summary>The Orleans service and cluster ids shared by silos and their clients.</summary>
public static class ClusterIdentity
{
    public const string ServiceId = "tau2observe";
    public const string ClusterId = "tau2observe";
}
