using System.Diagnostics;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Grains.Telemetry;

/// <summary>
/// A span that covers long-running grain work (an evaluation, a task) on one activation. Its context is
/// persisted by the grain as a traceparent, so children started later, elsewhere or after a restart
/// still join the trace. If the activation goes away first, the span ends tagged <c>tau2.interrupted</c>
/// and the next activation opens a continuation tagged <c>tau2.resumed</c> under the same parent.
/// </summary>
public sealed class ActivationSpan
{
    private Activity? _span;

    public bool IsOpen => _span is not null;

    /// <summary>Opens the span (once) and returns its traceparent, or null when nothing is traced.</summary>
    public string? Open(string operation, string resource, string? parentTraceParent, bool resumed, ActivityKind kind = ActivityKind.Internal)
    {
        _span ??= Spans.Start(operation, resource, kind, parentTraceParent);
        if (resumed) _span?.SetTag("tau2.resumed", true);
        return TraceParent.Of(_span);
    }

    public void SetTag(string key, object? value) => _span?.SetTag(key, value);

    public void Close(bool failed = false, string? status = null)
    {
        if (_span is null) return;
        if (failed) _span.SetStatus(ActivityStatusCode.Error, status);
        _span.Dispose();
        _span = null;
    }

    /// <summary>Ends the span because the activation is going away before the work finished.</summary>
    public void Interrupt()
    {
        _span?.SetTag("tau2.interrupted", true);
        Close();
    }
}
