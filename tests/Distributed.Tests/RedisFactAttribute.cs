namespace Tau2Observe.Distributed.Tests;

/// <summary>A test that needs <c>redis-server</c>; skipped, saying so, where it is not installed (<c>.ci/run</c> installs it).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable() is null)
            Skip = "redis-server is not installed (apt-get install redis-server); .ci/run installs it";
    }
}
