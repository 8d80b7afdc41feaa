using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Agents;

/// <summary>One oracle turn: either a text (a request to the user or the closing) or a tool call.</summary>
public sealed record OracleTurn(string? Text, ToolCall? ToolCall, bool IsClosing = false);
