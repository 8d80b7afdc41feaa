namespace Tau2Observe.Cli.Tests;

/// <summary>A string writer that can be waited on until a line it was given matches (written from any thread).</summary>
public sealed class WatchedWriter : StringWriter
{
    private readonly object _gate = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _waits = [];

    /// <summary>Completes when a line that <paramref name="matches"/> is written.</summary>
    public Task LineAsync(Func<string, bool> matches)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waits.Add((matches, seen));
        return seen.Task;
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            foreach (var (matches, seen) in _waits)
                if (value is not null && matches(value)) seen.TrySetResult();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate) base.Write(value);
    }

    public override void Write(char value)
    {
        lock (_gate) base.Write(value);
    }

    public override string ToString()
    {
        lock (_gate) return base.ToString();
    }
}
