namespace Tau2Observe.Gateway;

/// <summary>The gateway has no connection to any silo (none started yet, or all gone); the message says so and what to do.</summary>
public sealed class ClusterUnavailableException(Exception inner)
    : Exception("The evaluation cluster is not reachable: no silo answers the gateway (none started yet, or it went down). Start a silo (or wait until it is up) and retry.", inner);
