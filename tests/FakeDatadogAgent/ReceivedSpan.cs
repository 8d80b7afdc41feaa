namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>One span as it arrived over OTLP, with the resource and scope it came under. Ids are lower-case hex.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyDictionary<string, object?> Resource,
    string Scope,
    string StatusCode,
    string? StatusMessage,
    IReadOnlyList<ReceivedSpanEvent> Events)
{
    public string? ServiceName => Resource.GetValueOrDefault("service.name") as string;

    public object? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
