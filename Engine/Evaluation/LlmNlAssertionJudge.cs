using Microsoft.Extensions.AI;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// tau2's LLM judge for natural-language assertions (tau2-engine §6.5): one call with a system message
/// and a user message listing the conversation and the expected outcomes; the reply must be
/// <c>{"results": [{"expectedOutcome", "reasoning", "metExpectation"}, ...]}</c>. A reply that cannot
/// be read, or a failed call, is an <see cref="EvaluationFailedException"/> (the cause, if an LLM
/// failure, is its inner <see cref="LlmCallException"/>). Unlike tau2, a reply wrapped in a Markdown
/// code fence is accepted rather than aborting the evaluation.
/// </summary>
public sealed class LlmNlAssertionJudge(
    IChatClient client, LlmModelId model, double? temperature = 0.0, ModelPriceTable? prices = null, ILlmUsageSink? usage = null)
    : INlAssertionJudge
{
    /// <summary>tau2's judge model in the reference fork.</summary>
    public static LlmModelId DefaultModel { get; } = LlmModelId.Parse("gpt-4o-mini");

    public const string SystemPrompt =
        """
        You are grading a test run of a customer-service agent.
        You are given a conversation between the agent and a customer, and a list of expected outcomes.
        Decide for each expected outcome on its own whether the agent satisfied it in this conversation.

        Answer with a JSON object only, in this form:
        {
            "results": [
                {
                    "expectedOutcome": "<the expected outcome being graded, repeated from the input>",
                    "reasoning": "<a short explanation>",
                    "metExpectation": <true or false>
                }
            ]
        }
        """;

    public async Task<List<PyDict>> JudgeAsync(IReadOnlyList<Message> trajectory, IReadOnlyList<string> assertions, CancellationToken ct)
    {
        List<ChatMessage> request = [new(ChatRole.System, SystemPrompt), new(ChatRole.User, UserPrompt(trajectory, assertions))];
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(request, new ChatOptions { Temperature = (float?)temperature }, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var failure = LlmErrorClassifier.Classify(e, model.ToString(), apiKey: null);
            throw new EvaluationFailedException($"JUDGE_LLM_{failure.Kind}: {failure.Message}", failure);
        }
        usage?.Record(LlmUsage.From(LlmRoles.Judge, model, response, prices ?? ModelPriceTable.Default));
        return ParseReply(ChatConversions.Text(response));
    }

    /// <summary>
    /// The user message, laid out as tau2 lays it out (its template lines carry 8 spaces of indentation):
    /// <c>conversation:</c>, one <c>role: content</c> line per message (null content as <c>None</c>),
    /// a blank line, <c>expectedOutcomes:</c> and the assertions as a Python list literal.
    /// </summary>
    public static string UserPrompt(IReadOnlyList<Message> trajectory, IReadOnlyList<string> assertions)
    {
        const string indent = "        ";
        var conversation = string.Join("\n", trajectory.Select(m => $"{m.Role}: {PyRepr.Str(m.Content)}"));
        var outcomes = PyRepr.Repr(assertions.Select(a => (object?)a).ToList());
        return $"\n{indent}conversation:\n{indent}{conversation}\n{indent}\n{indent}expectedOutcomes:\n{indent}{outcomes}\n{indent}";
    }

    /// <summary>The checks <c>{"nl_assertion", "met", "justification"}</c> of a judge reply; a reply without <c>results</c> has none.</summary>
    public static List<PyDict> ParseReply(string? content)
    {
        object? parsed;
        try
        {
            parsed = PyJson.Parse(StripCodeFence(content ?? throw new FormatException("the reply has no text")));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw Unreadable(content, e.Message);
        }
        if (parsed is not PyDict reply) throw Unreadable(content, "it is not a JSON object");
        if (reply.GetOrDefault("results") is not { } results) return [];
        if (results is not List<object?> items) throw Unreadable(content, "'results' is not a list");

        var checks = new List<PyDict>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not PyDict item) throw Unreadable(content, $"result {i} is not an object");
            checks.Add(new PyDict
            {
                ["nl_assertion"] = Field(item, "expectedOutcome", i, content) as string ?? throw Unreadable(content, $"result {i}: 'expectedOutcome' is not a string"),
                ["met"] = AsBool(Field(item, "metExpectation", i, content)) ?? throw Unreadable(content, $"result {i}: 'metExpectation' is not a boolean"),
                ["justification"] = Field(item, "reasoning", i, content) as string ?? throw Unreadable(content, $"result {i}: 'reasoning' is not a string"),
            });
        }
        return checks;
    }

    private static object? Field(PyDict item, string name, int index, string? content) =>
        item.TryGetValue(name, out var value) ? value : throw Unreadable(content, $"result {index} has no '{name}'");

    /// <summary>The values tau2's model validation accepts as a boolean (pydantic's lax mode).</summary>
    private static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        long l when l is 0 or 1 => l == 1,
        string s => s.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "y" or "on" or "t" => true,
            "false" or "0" or "no" or "n" or "off" or "f" => false,
            _ => null,
        },
        _ => null,
    };

    private static string StripCodeFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal) || !t.EndsWith("```", StringComparison.Ordinal) || t.Length < 6) return text;
        int firstNewline = t.IndexOf('\n');
        return firstNewline < 0 ? text : t[(firstNewline + 1)..^3];
    }

    private static EvaluationFailedException Unreadable(string? content, string why)
    {
        var shown = content is null ? "(no text)" : content.Length > 300 ? content[..300] + "..." : content;
        return new EvaluationFailedException($"The NL-assertion judge's reply could not be read ({why}). Reply: {shown}");
    }
}
