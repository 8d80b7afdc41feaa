namespace Tau2Observe.Engine.Llm;

/// <summary>A thread-safe <see cref="ILlmUsageSink"/> that sums usage overall and per role (agent, user, judge).</summary>
public sealed class LlmUsageAccumulator : ILlmUsageSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LlmUsageTotals> _byRole = new(StringComparer.Ordinal);
    private LlmUsageTotals _total = LlmUsageTotals.Empty;

    public void Record(LlmUsage usage)
    {
        lock (_gate)
        {
            _total = _total.Add(usage);
            _byRole[usage.Role] = For(usage.Role).Add(usage);
        }
    }

    public LlmUsageTotals Total
    {
        get { lock (_gate) return _total; }
    }

    public LlmUsageTotals For(string role)
    {
        lock (_gate) return _byRole.GetValueOrDefault(role, LlmUsageTotals.Empty);
    }
}
