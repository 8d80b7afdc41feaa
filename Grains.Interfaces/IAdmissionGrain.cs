namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// Admission control for one resource across the cluster (key: <c>agent:&lt;endpoint&gt;</c> or
/// <c>provider:&lt;name&gt;#&lt;key fingerprint&gt;</c>): at most N simulations at once, and no new one while the
/// tokens used in the last window exceed the budget. Holders are trial keys; every call is idempotent.
/// Its state is deliberately in memory: after a silo loss, running holders re-register with their next heartbeat.
/// </summary>
[Alias("tau2obs.IAdmissionGrain")]
public interface IAdmissionGrain : IGrainWithStringKey
{
    /// <summary>True when <paramref name="holder"/> holds a slot (it already did, or one was free).</summary>
    [Alias("TryAcquire")] Task<bool> TryAcquire(string holder, AdmissionLimit limit);

    /// <summary>Keeps the holder's lease alive and charges the tokens it used since its last heartbeat.</summary>
    [Alias("Heartbeat")] Task Heartbeat(string holder, long tokens, AdmissionLimit limit);

    [Alias("Release")] Task Release(string holder);

    /// <summary>How many simulations hold a slot now.</summary>
    [Alias("Holders")] Task<int> Holders();
}
