using System.Net;
using Microsoft.Extensions.Configuration;

namespace Tau2Observe.Grains.Hosting;

/// <summary>
/// Where the cluster keeps membership, grain state and reminders: <c>memory</c> (one process,
/// development and tests) or <c>redis</c>. Read from <c>Tau2Observe:Backend</c>, <c>Tau2Observe:Redis</c>
/// and <c>Tau2Observe:AdvertisedAddress</c>.
/// </summary>
public sealed record Tau2ObserveBackend
{
    public const string Memory = "memory";
    public const string Redis = "redis";
    public const string AutomaticAddress = "auto";

    public string Kind { get; init; } = Memory;

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; required for <see cref="Redis"/>.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>For <see cref="Redis"/>: the IP address other silos and clients reach this silo at, or <c>auto</c>
    /// (the host's own address; listens on every interface). Unset: loopback only (one machine).</summary>
    public string? AdvertisedAddress { get; init; }

    public bool IsRedis => Kind == Redis;

    public static Tau2ObserveBackend FromConfiguration(IConfiguration configuration)
    {
        var backend = new Tau2ObserveBackend
        {
            Kind = (configuration["Tau2Observe:Backend"] ?? Memory).Trim().ToLowerInvariant(),
            RedisConnectionString = configuration["Tau2Observe:Redis"],
            AdvertisedAddress = configuration["Tau2Observe:AdvertisedAddress"] is { Length: > 0 } address ? address.Trim().ToLowerInvariant() : null,
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
        if (AdvertisedAddress is not null and not AutomaticAddress && !IPAddress.TryParse(AdvertisedAddress, out _))
            throw new InvalidOperationException($"Tau2Observe:AdvertisedAddress must be an IP address or '{AutomaticAddress}', not '{AdvertisedAddress}'.");
    }
}
