namespace Tau2Observe.Engine.Telemetry;

/// <summary>Span (operation) names; Datadog maps them to operation names, <c>resource.name</c> to resources.</summary>
public static class SpanNames
{
    public const string Evaluation = "tau2.evaluation";
    public const string Task = "tau2.task";
    public const string Trial = "tau2.trial";
    public const string Turn = "tau2.turn";
    public const string ToolCall = "tau2.tool_call";
    public const string Grading = "tau2.grading";
    public const string A2ARequest = "tau2.a2a.request";
}
