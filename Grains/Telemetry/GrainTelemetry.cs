using System.Diagnostics;

namespace Tau2Observe.Grains.Telemetry;

/// <summary>Spans emitted by the grains; hosts subscribe to <see cref="SourceName"/> (see ServiceDefaults).</summary>
public static class GrainTelemetry
{
    public const string SourceName = "Tau2Observe";

    public static readonly ActivitySource Source = new(SourceName);
}
