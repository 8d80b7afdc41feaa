using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tau2Observe.TestSupport;

/// <summary>
/// Listens to every ActivitySource in the process and keeps each finished span as text: name, status,
/// tags, events with their tags, baggage. Tests search it for secrets. Dispose to stop listening.
/// </summary>
public sealed class CapturedSpans : IDisposable
{
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ActivityListener _listener;

    public CapturedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _spans.Enqueue(Describe(a)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Spans => _spans.ToList();

    public string AllText => string.Join("\n", _spans);

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity a)
    {
        var text = new System.Text.StringBuilder($"{a.Source.Name} {a.DisplayName} [{a.Status} {a.StatusDescription}]");
        foreach (var (key, value) in a.TagObjects) text.Append($" | {key}={value}");
        foreach (var e in a.Events)
        {
            text.Append($" | event {e.Name}");
            foreach (var (key, value) in e.Tags) text.Append($" {key}={value}");
        }
        foreach (var (key, value) in a.Baggage) text.Append($" | baggage {key}={value}");
        return text.ToString();
    }
}
