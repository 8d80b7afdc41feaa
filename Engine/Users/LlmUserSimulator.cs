using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Users;

/// <summary>
/// tau2's LLM-backed customer (tau2-engine §4). The system prompt is the guideline text (the tools
/// variant when the user has tools) followed by the rendered scenario; each turn sends it with the
/// user's history role-flipped, and the reply becomes the user's message. It keeps no state of its own
/// beyond <see cref="ParticipantState.History"/>, so a trial can resume on another silo.
/// Failures end the run through <see cref="ParticipantException"/> with a <c>USER_LLM_*</c> code.
/// </summary>
public sealed class LlmUserSimulator : IUserSimulator
{
    private readonly IChatClient _client;
    private readonly LlmUserSimulatorOptions _options;
    private readonly List<OpenAI.Chat.ChatTool> _tools;
    private readonly long? _seed;

    public LlmUserSimulator(IChatClient client, AgentContext context, LlmUserSimulatorGuidelines guidelines, LlmUserSimulatorOptions options)
    {
        _client = client;
        _options = options;
        _tools = ChatConversions.OpenAiTools(context.UserToolsJson);
        _seed = context.Seed;
        SystemPrompt = guidelines.For(userHasTools: _tools.Count > 0) + "\n\n<scenario>\n" + context.Task.UserScenario.Render() + "\n</scenario>";
    }

    /// <summary>The error code of a run whose user model rejected the API key (the seed's code; it fails the whole evaluation).</summary>
    public const string AuthFailedCode = "USER_LLM_AUTH_FAILED";

    /// <summary>tau2's default user model (<c>--user-llm</c>).</summary>
    public static LlmModelId DefaultModel { get; } = LlmModelId.Parse("gpt-4.1");

    public string SystemPrompt { get; }

    public async Task<Message> GenerateAsync(ParticipantState state, IReadOnlyList<Message> incoming, CancellationToken ct)
    {
        var request = BuildRequest(state.History);
        var chatOptions = new ChatOptions { Temperature = (float?)_options.Temperature, Seed = _seed };
        if (_tools.Count > 0) chatOptions.RawRepresentationFactory = ChatConversions.OfferTools(_tools);

        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(request, chatOptions, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw ToParticipantException(LlmErrorClassifier.Classify(e, _options.Model.ToString(), apiKey: null));
        }
        return ToMessage(response);
    }

    /// <summary>
    /// The request for the next turn (tau2-engine §4.3): the system prompt, then the history with roles
    /// flipped: own messages as assistant (text and tool calls), agent text as user, results of own tool
    /// calls as tool.
    /// </summary>
    public List<ChatMessage> BuildRequest(IEnumerable<Message> history)
    {
        var request = new List<ChatMessage> { new(ChatRole.System, SystemPrompt) };
        foreach (var m in history)
        {
            if (m.IsUser)
                request.Add(ChatConversions.OwnTurn(m));
            else if (m.IsAssistant && m.ToolCalls is null)
                request.Add(new ChatMessage(ChatRole.User, m.Content ?? ""));
            else if (m.IsTool && m.Requestor == Roles.User)
                request.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(m.Id, m.Content ?? "")]));
            else
                // the orchestrator never routes these to the user: finding one means the platform went wrong
                throw new ParticipantException(
                    $"USER_HISTORY_INVALID: the user simulator's history holds a {Describe(m)}, which the user never sees", isInfrastructure: true);
        }
        return request;
    }

    private Message ToMessage(ChatResponse response)
    {
        if (response.FinishReason == ChatFinishReason.Length)
            _options.Logger?.LogWarning("The user model {Model} stopped at its output token limit.", _options.Model.ToString());
        List<ToolCall>? calls;
        try
        {
            calls = ChatConversions.ToolCalls(response, Roles.User);
        }
        catch (FormatException e)
        {
            throw new ParticipantException("USER_LLM_INVALID_TOOL_CALL: " + e.Message);
        }
        var usage = LlmUsage.From(LlmRoles.User, _options.Model, response, _options.Prices);
        _options.Usage?.Record(usage);
        var message = Message.User(ChatConversions.Text(response), calls, usage.Cost);
        message.Usage = ChatConversions.UsageDict(usage);
        message.RawData = ChatConversions.RawChoice(response);
        return message;
    }

    private static ParticipantException ToParticipantException(LlmCallException e)
    {
        string code = e.Kind switch
        {
            LlmErrorKind.Authentication => AuthFailedCode,
            LlmErrorKind.QuotaExhausted => "USER_LLM_QUOTA_EXHAUSTED",
            LlmErrorKind.ContextLengthExceeded => "USER_LLM_CONTEXT_LENGTH_EXCEEDED",
            LlmErrorKind.InvalidRequest => "USER_LLM_REQUEST_REJECTED",
            LlmErrorKind.InvalidResponse => "USER_LLM_INVALID_RESPONSE",
            _ => "USER_LLM_UNAVAILABLE",
        };
        return new ParticipantException($"{code}: {e.Message}", e.IsInfrastructure, e);
    }

    private static string Describe(Message m) =>
        m.IsTool ? $"tool result for the agent (id '{m.Id}')" : m.IsAssistant ? "agent tool call" : $"{m.Role} message";
}
