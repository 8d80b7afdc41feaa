using System.Text.Json.Nodes;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The agent under test, reached over A2A the way tau2-bench-agent's <c>a2a_agent</c> does
/// (a2a.md §3): one <c>message/send</c> per turn carrying only the new messages as text, the
/// context id kept between turns (in <see cref="ParticipantState.Values"/>, so a resumed trial
/// continues the same remote conversation), and the reply read back as text or tool calls.
/// Every failure (HTTP, JSON-RPC, timeout, malformed tool call, failed remote task) ends the run
/// with <c>agent_error</c> through <see cref="ParticipantException"/>. Usage the agent reports in the
/// reply's metadata (<see cref="A2AUsageReader"/>) becomes the message's usage and cost; without it the
/// cost is null, as in tau2.
/// </summary>
public sealed class A2AAgent : ISimulationAgent
{
    public const string ContextIdKey = "a2a.context_id";

    private readonly A2AClient _client;
    private readonly AgentContext _context;
    private readonly string? _toolCatalogue;
    private readonly ModelPriceTable _prices;

    public A2AAgent(A2AClient client, AgentContext context, ModelPriceTable? prices = null)
    {
        _client = client;
        _context = context;
        _prices = prices ?? ModelPriceTable.Default;
        _toolCatalogue = ToolCatalogueBlock.Render(context.AgentToolsJson);
    }

    public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        state.Values.TryGetValue(ContextIdKey, out var contextId);
        var message = new A2AMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            Role = A2ARoles.User,
            Parts = [new TextPart(OutgoingTurnText.Build(incoming, _toolCatalogue))],
            ContextId = contextId,
            // lets a cooperating mock (the oracle) find its task; real agents ignore metadata
            Metadata = new JsonObject { ["tau2"] = new JsonObject { ["domain"] = _context.Domain, ["task_id"] = _context.Task.Id } },
        };

        A2AEvent reply;
        try
        {
            reply = await _client.SendMessageAsync(new MessageSendParams { Message = message }, ct);
        }
        catch (A2AException e)
        {
            throw new ParticipantException(e.Message, inner: e);
        }

        if (ReplyContextId(reply) is { Length: > 0 } newContext) state.Values[ContextIdKey] = newContext;
        if (reply is A2ATask { Status.State: TaskState.Failed or TaskState.Rejected or TaskState.Canceled } failed)
        {
            string why = ReplyTextExtractor.Extract(failed) is { Length: > 0 } t ? ": " + Shorten(t) : "";
            throw new ParticipantException($"The agent at {_client.DisplayName} ended its task as '{TaskStates.ToWire(failed.Status.State)}'{why}");
        }
        if (reply is not (A2ATask or A2AMessage))
            throw new ParticipantException($"The agent at {_client.DisplayName} answered message/send with a '{reply.Kind}' instead of a task or message.");

        Message answer;
        try
        {
            answer = ReplyToolCallParser.ToAssistantMessage(ReplyTextExtractor.Extract(reply));
        }
        catch (FormatException e)
        {
            throw new ParticipantException($"The agent at {_client.DisplayName} sent a malformed tool call: {e.Message}", inner: e);
        }
        if (A2AUsageReader.Read(reply, _prices) is { } usage)
        {
            answer.Usage = ChatConversions.UsageDict(usage);
            answer.Cost = usage.Cost;
        }
        return answer;
    }

    private static string? ReplyContextId(A2AEvent reply) => reply switch
    {
        A2ATask task => task.ContextId,
        A2AMessage message => message.ContextId,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
