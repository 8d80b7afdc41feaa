using Google.Protobuf;
using Tau2Observe.Tests.FakeDatadogAgent.Otlp;

namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>Turns OTLP/HTTP protobuf export requests into flat spans and metric points.</summary>
public static class OtlpDecoder
{
    public static IEnumerable<ReceivedSpan> Spans(byte[] body)
    {
        var request = ExportTraceServiceRequest.Parser.ParseFrom(body);
        foreach (var rs in request.ResourceSpans)
        {
            var resource = Attributes(rs.Resource?.Attributes);
            foreach (var ss in rs.ScopeSpans)
            foreach (var s in ss.Spans)
            {
                yield return new ReceivedSpan(
                    Hex(s.TraceId), Hex(s.SpanId), s.ParentSpanId.IsEmpty ? null : Hex(s.ParentSpanId), s.Name,
                    s.Kind.ToString().Replace("SpanKind", "", StringComparison.Ordinal).ToUpperInvariant(),
                    Attributes(s.Attributes), resource, ss.Scope?.Name ?? "",
                    s.Status?.Code.ToString() ?? "StatusCodeUnset", string.IsNullOrEmpty(s.Status?.Message) ? null : s.Status.Message,
                    s.Events.Select(e => new ReceivedSpanEvent(e.Name, Attributes(e.Attributes))).ToList());
            }
        }
    }

    public static IEnumerable<ReceivedMetricPoint> MetricPoints(byte[] body)
    {
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(body);
        foreach (var rm in request.ResourceMetrics)
        {
            var resource = Attributes(rm.Resource?.Attributes);
            foreach (var sm in rm.ScopeMetrics)
            foreach (var m in sm.Metrics)
            {
                switch (m.DataCase)
                {
                    case Metric.DataOneofCase.Gauge:
                        foreach (var p in m.Gauge.DataPoints)
                            yield return new ReceivedMetricPoint(m.Name, MetricDataKind.Gauge, "", false, Attributes(p.Attributes), resource, Number(p), 1);
                        break;
                    case Metric.DataOneofCase.Sum:
                        foreach (var p in m.Sum.DataPoints)
                            yield return new ReceivedMetricPoint(m.Name, MetricDataKind.Sum, Temporality(m.Sum.AggregationTemporality), m.Sum.IsMonotonic,
                                Attributes(p.Attributes), resource, Number(p), 1);
                        break;
                    case Metric.DataOneofCase.Histogram:
                        foreach (var p in m.Histogram.DataPoints)
                            yield return new ReceivedMetricPoint(m.Name, MetricDataKind.Histogram, Temporality(m.Histogram.AggregationTemporality), false,
                                Attributes(p.Attributes), resource, p.HasSum ? p.Sum : double.NaN, p.Count);
                        break;
                    case Metric.DataOneofCase.ExponentialHistogram:
                        yield return new ReceivedMetricPoint(m.Name, MetricDataKind.ExponentialHistogram,
                            Temporality(m.ExponentialHistogram.AggregationTemporality), false, new Dictionary<string, object?>(), resource, double.NaN, 0);
                        break;
                    case Metric.DataOneofCase.Summary:
                        yield return new ReceivedMetricPoint(m.Name, MetricDataKind.Summary, "", false, new Dictionary<string, object?>(), resource, double.NaN, 0);
                        break;
                }
            }
        }
    }

    private static double Number(NumberDataPoint p) => p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble;

    private static string Temporality(AggregationTemporality t) => t switch
    {
        AggregationTemporality.Delta => "delta",
        AggregationTemporality.Cumulative => "cumulative",
        _ => "unspecified",
    };

    private static Dictionary<string, object?> Attributes(IEnumerable<KeyValue>? attributes) =>
        (attributes ?? []).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Value(g.Last().Value), StringComparer.Ordinal);

    private static object? Value(AnyValue? v) => v?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => v.StringValue,
        AnyValue.ValueOneofCase.BoolValue => v.BoolValue,
        AnyValue.ValueOneofCase.IntValue => v.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => v.DoubleValue,
        AnyValue.ValueOneofCase.ArrayValue => v.ArrayValue.Values.Select(Value).ToList(),
        AnyValue.ValueOneofCase.KvlistValue => Attributes(v.KvlistValue.Values),
        AnyValue.ValueOneofCase.BytesValue => v.BytesValue.ToByteArray(),
        _ => null,
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}
