using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// The product's OpenTelemetry sources. Hosts subscribe to <see cref="SourceName"/> and
/// <see cref="MeterName"/>; without a listener nothing is recorded and spans cost nothing.
/// </summary>
public static class Tau2Telemetry
{
    public const string SourceName = "Tau2Observe";
    public const string MeterName = "Tau2Observe";

    public static readonly ActivitySource Source = new(SourceName, typeof(Tau2Telemetry).Assembly.GetName().Version?.ToString());
    public static readonly Meter Meter = new(MeterName, typeof(Tau2Telemetry).Assembly.GetName().Version?.ToString());
}
