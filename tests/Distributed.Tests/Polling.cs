namespace Tau2Observe.Distributed.Tests;

/// <summary>Waits for a condition with a deadline, tolerating the cluster's transient failures (a silo just died) meanwhile.</summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> describe) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } found) return found;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                last = e; // e.g. a call to a grain whose silo is not yet declared dead
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{describe()} (after {timeout.TotalSeconds} s; last error: {last?.GetType().Name}: {last?.Message})");
    }
}
