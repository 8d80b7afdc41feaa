using Microsoft.Extensions.Configuration;

namespace Tau2Observe.Grains.Hosting;

/// <summary>
/// Where the cluster keeps membership, grain state and reminders: <c>memory</c> (one process,
/// development and tests) or <c>redis</c>. Read from <c>Tau2Observe:Backend</c> and <c>Tau2Observe:Redis</c>.
/// </summary>
public sealed record Tau2ObserveBackend
{
    public const string Memory = "memory";
    public const string Redis = "redis";

    public string Kind { get; init; } = Memory;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; required for <see cref="Redis"/>.</summary>
    public string? RedisConnectionString { get; init; }

    public bool IsRedis => Kind == Redis;

    public static Tau2ObserveBackend FromConfiguration(IConfiguration configuration)
    {
        var backend = new Tau2ObserveBackend
        {
            Kind = (configuration["Tau2Observe:Backend"] ?? Memory).Trim().ToLowerInvariant(),
            RedisConnectionString = configuration["Tau2Observe:Redis"],
        };
        backend.Validate();
        return backend;
    }

    public void Validate()
    {
        if (Kind is not (Memory or Redis))
            throw new InvalidOperationException($"Tau2Observe:Backend must be '{Memory}' or '{Redis}', not '{Kind}'.");
        if (IsRedis && string.IsNullOrWhiteSpace(RedisConnectionString))
            throw new InvalidOperationException("Tau2Observe:Backend is 'redis' but Tau2Observe:Redis (the connection string) is not set.");
    }
}
