namespace Tau2Observe.Grains.Interfaces;

/// <summary>The bounds of one admission resource, as the asking silo's configuration states them (zero = unbounded).</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.AdmissionLimit")]
public sealed record AdmissionLimit
{
    [Id(0)] public int MaxConcurrentSimulations { get; init; }
    [Id(1)] public long TokensPerMinute { get; init; }
    /// <summary>A holder not heard of for this long loses its slot (its silo died).</summary>
    [Id(2)] public TimeSpan LeaseTimeout { get; init; }
    [Id(3)] public TimeSpan TokenWindow { get; init; } = TimeSpan.FromMinutes(1);
}
