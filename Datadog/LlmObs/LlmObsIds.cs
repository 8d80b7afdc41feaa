using System.Diagnostics;
using System.Globalization;

namespace Tau2Observe.Datadog.LlmObs;

/// <summary>
/// LLM Observability takes span and trace ids as strings; Datadog's convention for ids that come
/// from OpenTelemetry is their decimal form (spec §C.1), which is what is sent here.
/// </summary>
public static class LlmObsIds
{
    public static string SpanId(ActivitySpanId id) =>
        ulong.Parse(id.ToHexString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public static string TraceId(ActivityTraceId id) =>
        UInt128.Parse(id.ToHexString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
}
