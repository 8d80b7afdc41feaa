using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.Gateway;

/// <summary>
/// The optional LLM fallback for requests the deterministic parser does not understand (a2a.md
/// §2.4): when <c>Gateway:RequestModel</c> is set, the text goes to that model, which answers with
/// the skill call as JSON; that JSON then goes through <see cref="StructuredRequestParser"/>, so the
/// same checks and limits apply. Any failure (no answer, not JSON, unknown skill) means "not
/// understood": the caller shows the help text. The request text is never logged.
/// </summary>
public sealed class LlmRequestInterpreter(IOptions<GatewayOptions> settings, ILogger<LlmRequestInterpreter> log, LlmClientFactory? factory = null)
{
    public const string Instructions =
        "You turn a request to a tau2-bench evaluation service into one JSON object and nothing else. " +
        "Skills: {\"skill\": \"run_tau2_evaluation\", \"domain\": \"airline|retail|telecom|telecom-workflow|mock\", \"agent_endpoint\": \"<A2A URL or oracle>\", " +
        "\"num_tasks\": <int, optional>, \"num_trials\": <int, optional>, \"task_ids\": [<strings>, optional]}; " +
        "{\"skill\": \"list_domains\"}; {\"skill\": \"get_evaluation_results\", \"evaluation_id\": \"<id>\"} or " +
        "{\"skill\": \"get_evaluation_results\", \"list_available\": true}. Leave out what the request does not say. " +
        "If the request is none of these, answer {\"skill\": \"help\"}.";

    private readonly Lazy<IChatClient?> _client = new(() => settings.Value.RequestModel is { Length: > 0 } model
        ? (factory ?? new LlmClientFactory()).Create(LlmEndpoint.Resolve(model, baseUrl: settings.Value.RequestModelBaseUrl is { Length: > 0 } url ? new Uri(url) : null))
        : null);

    public bool Enabled => !string.IsNullOrWhiteSpace(settings.Value.RequestModel);

    /// <summary>The skill call the model reads in <paramref name="text"/>, or null when it cannot tell (or no model is configured).</summary>
    public async Task<SkillCall?> InterpretAsync(string text, CancellationToken ct)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(text)) return null;
        string answer;
        try
        {
            var response = await _client.Value!.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, text)], new ChatOptions { Temperature = 0 }, ct);
            answer = response.Text;
        }
        catch (Exception e) when (e is LlmCallException or LlmConfigurationException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("The request model could not interpret a request: {Error}", e.GetType().Name);
            return null;
        }
        if (FirstObject(answer) is not { } call || call["skill"] is JsonValue s && s.TryGetValue(out string? skill) && skill == "help") return null;
        try
        {
            return StructuredRequestParser.Parse(call);
        }
        catch (JsonRpcException)
        {
            return null;
        }
    }

    /// <summary>The first JSON object in the answer, code fences and surrounding prose ignored.</summary>
    private static JsonObject? FirstObject(string answer)
    {
        int start = answer.IndexOf('{');
        int end = answer.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            return JsonNode.Parse(answer[start..(end + 1)]) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
