namespace Tau2Observe.Engine.Environment;

/// <summary>
/// A failure inside a tool. Its message is what follows <c>Error: </c> in the tool message, so it
/// carries exactly the text tau2 would show (a domain ValueError text, a KeyError's repr, a
/// CPython TypeError text, or a pydantic validation report).
/// </summary>
public class ToolCallException(string message) : Exception(message);
