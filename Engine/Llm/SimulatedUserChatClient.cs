using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// The built-in simulated model playing the customer: no network, no key, a configurable latency.
/// It reads the user's turn back out of the role-flipped request (its own earlier turns are the
/// assistant messages; what came since is the agent's text or its tool results) and lets
/// <see cref="ScriptedUserSimulator"/> answer, so an offline run with this model behaves exactly like
/// one with the scripted user. Token counts are estimates (about four characters a token) so
/// token-based admission control can be load-tested; the cost is 0.
/// </summary>
public sealed class SimulatedUserChatClient(TauTask task, TimeSpan latency = default, TimeProvider? time = null) : IChatClient
{
    public const string ModelId = "simulated";

    private readonly ScriptedUserSimulator _script = new(task, latency, time);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.ToList();
        int lastOwnTurn = request.FindLastIndex(m => m.Role == ChatRole.Assistant);
        int ownTurns = request.Count(m => m.Role == ChatRole.Assistant);
        var incoming = request.Skip(lastOwnTurn + 1).Where(m => m.Role != ChatRole.System).SelectMany(ToTauMessages).ToList();
        var state = new ParticipantState { Values = { [ScriptedUserSimulator.TurnsKey] = ownTurns.ToString(CultureInfo.InvariantCulture) } };

        var reply = await _script.GenerateAsync(state, incoming, cancellationToken);

        var contents = new List<AIContent>();
        if (reply.Content is { } text) contents.Add(new TextContent(text));
        contents.AddRange((reply.ToolCalls ?? []).Select(ChatConversions.ToFunctionCall));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = ModelId,
            FinishReason = reply.ToolCalls is null ? ChatFinishReason.Stop : ChatFinishReason.ToolCalls,
            Usage = new UsageDetails
            {
                InputTokenCount = EstimateTokens(request.Sum(m => m.Text.Length)),
                OutputTokenCount = EstimateTokens(reply.Content?.Length ?? 0),
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }

    private static IEnumerable<Message> ToTauMessages(ChatMessage m) =>
        m.Role == ChatRole.Tool
            ? m.Contents.OfType<FunctionResultContent>().Select(r => Message.ToolResult(r.CallId, r.Result?.ToString() ?? "", Roles.User, false))
            : [Message.Assistant(m.Text)];

    private static long EstimateTokens(int characters) => Math.Max(1, (characters + 3) / 4);
}
