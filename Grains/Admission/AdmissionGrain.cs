using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Admission;

/// <summary>Slots and a sliding token budget for one resource; see <see cref="IAdmissionGrain"/>.</summary>
public sealed class AdmissionGrain(TimeProvider clock) : Grain, IAdmissionGrain
{
    private readonly Dictionary<string, DateTimeOffset> _holders = new(StringComparer.Ordinal);
    private readonly Queue<(DateTimeOffset At, long Tokens)> _usage = new();

    public Task<bool> TryAcquire(string holder, AdmissionLimit limit)
    {
        var now = clock.GetUtcNow();
        Expire(now, limit);
        if (_holders.ContainsKey(holder))
        {
            _holders[holder] = now;
            return Task.FromResult(true);
        }
        bool slotFree = limit.MaxConcurrentSimulations <= 0 || _holders.Count < limit.MaxConcurrentSimulations;
        bool budgetLeft = limit.TokensPerMinute <= 0 || _usage.Sum(u => u.Tokens) < limit.TokensPerMinute;
        if (!slotFree || !budgetLeft) return Task.FromResult(false);
        _holders[holder] = now;
        return Task.FromResult(true);
    }

    public Task Heartbeat(string holder, long tokens, AdmissionLimit limit)
    {
        var now = clock.GetUtcNow();
        // a holder unknown here (this activation is new after a silo loss) takes its slot back, even over the bound
        _holders[holder] = now;
        if (tokens > 0) _usage.Enqueue((now, tokens));
        Expire(now, limit);
        return Task.CompletedTask;
    }

    public Task Release(string holder)
    {
        _holders.Remove(holder);
        return Task.CompletedTask;
    }

    public Task<int> Holders() => Task.FromResult(_holders.Count);

    private void Expire(DateTimeOffset now, AdmissionLimit limit)
    {
        while (_usage.Count > 0 && now - _usage.Peek().At >= limit.TokenWindow) _usage.Dequeue();
        if (limit.LeaseTimeout <= TimeSpan.Zero) return;
        foreach (var stale in _holders.Where(h => now - h.Value > limit.LeaseTimeout).Select(h => h.Key).ToList())
            _holders.Remove(stale);
    }
}
