using System.Text.RegularExpressions;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.MockAgents;

/// <summary>
/// An agent that fails in a chosen way, to check that each failure of an agent under test is
/// reported as it should be:
/// <c>http500</c> (HTTP 500 with <c>{"error": ...}</c>), <c>jsonrpc_error</c> (a JSON-RPC error),
/// <c>slow</c> (answers only after a long delay, past any sensible timeout),
/// <c>malformed_tool_call</c> (a tool call without <c>arguments</c>),
/// <c>text_instead_of_tool_call</c> (describes the tool call in prose instead of making it).
/// </summary>
public sealed partial class FaultyAgent(TimeSpan slowDelay)
{
    public static readonly IReadOnlyList<string> Modes =
        ["http500", "jsonrpc_error", "slow", "malformed_tool_call", "text_instead_of_tool_call"];

    public static bool IsMode(string mode) => Modes.Contains(mode);

    public async Task HandleAsync(HttpContext context, string mode)
    {
        switch (mode)
        {
            case "http500":
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { error = "simulated internal server error" }, context.RequestAborted);
                return;
            case "jsonrpc_error":
                await MockRpc.HandleAsync(context, (_, _) =>
                    throw new JsonRpcException(JsonRpcErrorCodes.InternalError, "simulated agent failure"));
                return;
            case "slow":
                await MockRpc.HandleAsync(context, async (p, ct) =>
                {
                    await Task.Delay(slowDelay, ct);
                    return Reply(p, "Sorry for the wait.");
                });
                return;
            case "malformed_tool_call":
                await MockRpc.HandleAsync(context, (p, _) =>
                    Task.FromResult(Reply(p, $"{{\"tool_call\": {{\"name\": \"{FirstTool(p)}\"}}}}")));
                return;
            default: // text_instead_of_tool_call
                await MockRpc.HandleAsync(context, (p, _) =>
                    Task.FromResult(Reply(p, $"I will call {FirstTool(p)} for you now and let you know what it says.")));
                return;
        }
    }

    private static A2AEvent Reply(MessageSendParams parameters, string text)
    {
        var message = parameters.Message!;
        return MockRpc.CompletedTask(message, string.IsNullOrEmpty(message.ContextId) ? Guid.NewGuid().ToString() : message.ContextId, text);
    }

    /// <summary>The first tool named in the message's tool catalogue, so the failure looks like a real attempt.</summary>
    private static string FirstTool(MessageSendParams parameters)
    {
        var text = string.Join("\n", parameters.Message!.Parts!.OfType<TextPart>().Select(p => p.Text));
        var match = CatalogueEntry().Match(text);
        return match.Success ? match.Groups[1].Value : "lookup";
    }

    [GeneratedRegex(@"^- ([A-Za-z_][A-Za-z0-9_]*)\(", RegexOptions.Multiline)]
    private static partial Regex CatalogueEntry();
}
