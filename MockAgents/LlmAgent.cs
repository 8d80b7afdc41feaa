using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.MockAgents;

/// <summary>
/// An LLM-backed agent under test, as tau2-observe's ADK mock agents behave (a2a.md §4.1): no tools of its
/// own and a fixed instruction; the tools arrive as the <c>&lt;available_tools&gt;</c> block in the user's
/// text and the model calls one by answering with <c>{"tool_call": {...}}</c> JSON, which the evaluator
/// executes. Each A2A context keeps its own history. The reply is a completed task with the text, and
/// the call's usage in the task metadata (<c>usage</c>, read by <see cref="A2AUsageReader"/>). A failed
/// model call is a failed task with the reason, as ADK reports it.
/// </summary>
public sealed partial class LlmAgent
{
    /// <summary>The shared instruction of the mock agents, in this project's words.</summary>
    public const string Instruction =
        """
        You are a helpful customer service assistant.

        The tools you may use are described in the customer's message, between <available_tools> tags.
        To use a tool, answer with nothing but one JSON object of this form:
        {"tool_call": {"name": "check_network_status", "arguments": {}}}

        Rules:
        - Read the available tools before you answer.
        - When you need information or need to act, call a tool.
        - When a tool result comes back, use it to help the customer.
        - Be polite and concise.
        - When no tool is needed, answer in plain text.
        - Never send an empty reply.
        """;

    private readonly LlmAgentSettings _settings;
    private readonly LlmConversations _conversations;
    private readonly Lazy<(IChatClient Client, LlmModelId Model)> _client;

    public LlmAgent(LlmAgentSettings settings, LlmClientFactory factory, LlmConversations conversations)
    {
        _settings = settings;
        _conversations = conversations;
        // resolved on first use: a missing key is reported to the caller, not at start-up (as tau2-observe)
        _client = new(() =>
        {
            var endpoint = LlmEndpoint.Resolve(settings.Model, settings.ApiKey, settings.BaseUrl);
            if (settings.RequiresKey && endpoint.ApiKey is null)
                throw new LlmConfigurationException(
                    $"No API key for {endpoint.Model}: set {string.Join(" or ", LlmProviders.Find(endpoint.Model.Provider)!.ApiKeyVariables)} (or MockAgents:Llm:{settings.Name}:ApiKey).");
            return (factory.Create(endpoint), endpoint.Model);
        });
    }

    public string Name => _settings.Name;

    public async Task<A2AEvent> ReplyAsync(MessageSendParams parameters, CancellationToken ct)
    {
        var message = parameters.Message!;
        string contextId = string.IsNullOrEmpty(message.ContextId) ? Guid.NewGuid().ToString() : message.ContextId;
        string text = string.Join("\n", message.Parts!.OfType<TextPart>().Select(p => p.Text));
        var (client, model) = Client();

        var conversation = _conversations.Get(_settings.Name, contextId);
        await conversation.Gate.WaitAsync(ct);
        try
        {
            var userTurn = new ChatMessage(ChatRole.User, text);
            List<ChatMessage> request = [new(ChatRole.System, Instruction), .. conversation.Turns, userTurn];
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(request, new ChatOptions(), ct);
            }
            catch (LlmCallException e)
            {
                return MockRpc.FailedTask(message, contextId, $"The agent's model call failed: {e.Message}");
            }
            string reply = WithoutReasoning(response.Text);
            conversation.Turns.Add(userTurn);
            conversation.Turns.Add(new ChatMessage(ChatRole.Assistant, reply));

            var task = MockRpc.CompletedTask(message, contextId, reply);
            task.Metadata = new JsonObject { [A2AUsageReader.UsageKey] = UsageJson(LlmUsage.From(LlmRoles.Agent, model, response, ModelPriceTable.Default)) };
            return task;
        }
        finally
        {
            conversation.Gate.Release();
        }
    }

    private (IChatClient, LlmModelId) Client()
    {
        try
        {
            return _client.Value;
        }
        catch (LlmConfigurationException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InternalError, $"{_settings.Name} is not configured: {e.Message}");
        }
    }

    private static JsonObject UsageJson(LlmUsage usage) => new()
    {
        ["model"] = usage.Model,
        ["prompt_tokens"] = usage.PromptTokens,
        ["completion_tokens"] = usage.CompletionTokens,
        ["cached_tokens"] = usage.CachedPromptTokens,
    };

    /// <summary>Thinking models on OpenAI-compatible servers may put their reasoning in the text; the caller wants only the answer.</summary>
    private static string WithoutReasoning(string text) => ThinkBlock().Replace(text, "").Trim();

    [GeneratedRegex(@"^\s*<think>.*?</think>", RegexOptions.Singleline)]
    private static partial Regex ThinkBlock();
}
