using System.Collections.Concurrent;

namespace Tau2Observe.TestSupport;

/// <summary>
/// Blocks an agent's second turn, once, until the call is cancelled, so a test can interrupt a
/// trial mid-run; afterwards records what the agent saw on its first turn after the interruption.
/// </summary>
public sealed class BlockingGate
{
    private static readonly ConcurrentDictionary<string, BlockingGate> Gates = new();
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _interrupted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turns;

    public static BlockingGate Get(string name) => Gates.GetOrAdd(name, _ => new BlockingGate());

    /// <summary>Completes when the agent is blocked.</summary>
    public Task Blocked => _blocked.Task;

    /// <summary>Completes when the blocked call has been cancelled.</summary>
    public Task Interrupted => _interrupted.Task;

    /// <summary>How many messages the agent's history held on its first turn after the interruption (-1 before).</summary>
    public int HistoryAfterInterruption { get; private set; } = -1;

    public async Task PassAsync(int historyCount, CancellationToken ct)
    {
        int turn = Interlocked.Increment(ref _turns);
        if (_interrupted.Task.IsCompleted && HistoryAfterInterruption < 0) HistoryAfterInterruption = historyCount;
        if (turn != 2) return;
        _blocked.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        finally
        {
            _interrupted.TrySetResult();
        }
    }
}
