namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>An event recorded on a span.</summary>
public sealed record ReceivedSpanEvent(string Name, IReadOnlyDictionary<string, object?> Attributes);
