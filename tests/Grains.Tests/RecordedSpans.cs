using System.Collections.Concurrent;
using System.Diagnostics;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Grains.Tests;

/// <summary>Every span of Tau2Observe's own ActivitySource that ends while this listens (all data recorded). Dispose to stop.</summary>
public sealed class RecordedSpans : IDisposable
{
    private readonly ActivityListener _listener;

    public RecordedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Tau2Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Ended { get; } = new();

    public void Dispose() => _listener.Dispose();
}
