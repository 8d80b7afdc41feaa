using System.Diagnostics;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// W3C <c>traceparent</c> strings for span contexts that must outlive an activation: grains persist
/// them so work resumed on another silo, or driven by a reminder, still joins the evaluation's trace.
/// </summary>
public static class TraceParent
{
    /// <summary>The traceparent of <paramref name="span"/>, or null when nothing is being traced.</summary>
    public static string? Of(Activity? span) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : null;

    /// <summary>The context a traceparent names; default (no parent) when it is missing or malformed.</summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
}
