namespace Tau2Observe.ServiceDefaults;

/// <summary>
/// Identifies the host whose <c>AddServiceDefaults</c> set up tracing. ASP.NET Core's activity source
/// is process-wide, so when several hosts share a process (tests, an embedded cluster) each one traces
/// only the requests it serves itself, under its own service name.
/// </summary>
public sealed class TelemetryOwner;
