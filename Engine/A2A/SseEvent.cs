namespace Tau2Observe.Engine.A2A;

/// <summary>One server-sent event: its data lines joined with <c>\n</c>, and the optional <c>event:</c> type.</summary>
public sealed record SseEvent(string Data, string? EventType = null);
