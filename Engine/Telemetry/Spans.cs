using System.Diagnostics;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// Starts the product's spans with the attributes the Datadog Agent turns into names (spec §B):
/// <c>operation.name</c> (else an INTERNAL span is just "Internal") and <c>resource.name</c>.
/// </summary>
public static class Spans
{
    /// <param name="parentTraceParent">An explicit parent (a persisted traceparent); otherwise the current span is the parent.</param>
    public static Activity? Start(string operation, string resource, ActivityKind kind = ActivityKind.Internal, string? parentTraceParent = null)
    {
        var span = Tau2Telemetry.Source.StartActivity(operation, kind, TraceParent.Parse(parentTraceParent));
        span?.SetTag("operation.name", operation);
        span?.SetTag("resource.name", resource);
        return span;
    }
}
