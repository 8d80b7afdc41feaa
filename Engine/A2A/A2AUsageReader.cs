using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The LLM usage an agent under test reports for one reply, if it reports any. Read from the metadata
/// of the task, its status message or the reply message, in two shapes:
/// <c>usage</c> = <c>{"model", "prompt_tokens", "completion_tokens", "cached_tokens"}</c> (OpenAI names;
/// this project's mock agents send it), or ADK's <c>adk_usage_metadata</c> (Gemini names, an object or a
/// JSON-encoded string; a model name is then looked for in <c>model</c> beside it). Without a model, or
/// with one the price table does not list, the cost is null.
/// </summary>
public static class A2AUsageReader
{
    public const string UsageKey = "usage";
    public const string AdkUsageKey = "adk_usage_metadata";

    public static LlmUsage? Read(A2AEvent reply, ModelPriceTable prices)
    {
        var candidates = reply switch
        {
            A2ATask task => [task.Metadata, task.Status.Message?.Metadata],
            A2AMessage message => new[] { message.Metadata },
            _ => [],
        };
        foreach (var metadata in candidates)
            if (metadata is not null && FromMetadata(metadata, prices) is { } usage) return usage;
        return null;
    }

    private static LlmUsage? FromMetadata(JsonObject metadata, ModelPriceTable prices)
    {
        if (metadata[UsageKey] is JsonObject openAi)
            return Build(Text(openAi["model"]), Number(openAi["prompt_tokens"]), Number(openAi["completion_tokens"]), Number(openAi["cached_tokens"]), prices);
        if (AsObject(metadata[AdkUsageKey]) is { } adk)
        {
            long? completion = Number(adk["candidatesTokenCount"]) is { } c ? c + (Number(adk["thoughtsTokenCount"]) ?? 0) : null;
            return Build(Text(metadata["model"]), Number(adk["promptTokenCount"]), completion, Number(adk["cachedContentTokenCount"]), prices);
        }
        return null;
    }

    private static LlmUsage? Build(string? model, long? prompt, long? completion, long? cached, ModelPriceTable prices)
    {
        if (prompt is null && completion is null) return null;
        var id = string.IsNullOrWhiteSpace(model) ? null : LlmModelId.Parse(model);
        double? cost = id is not null && prompt is { } p && completion is { } c ? prices.CostOf(id, p, c, cached ?? 0) : null;
        return new LlmUsage(LlmRoles.Agent, id?.ToString() ?? "unknown", prompt, completion, cached, cost);
    }

    // ADK JSON-encodes dict values it cannot serialise as models (a2a.md §1.9)
    private static JsonObject? AsObject(JsonNode? node)
    {
        if (node is JsonObject o) return o;
        if (node is JsonValue v && v.TryGetValue(out string? text))
        {
            try { return JsonNode.Parse(text) as JsonObject; }
            catch (JsonException) { return null; }
        }
        return null;
    }

    private static long? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long n) && n >= 0 ? n
        : node is JsonValue w && w.TryGetValue(out long m) && m >= 0 ? m
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
