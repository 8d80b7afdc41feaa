using System.Text.Json.Nodes;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>JSON-RPC request bodies as an A2A client sends them.</summary>
public static class A2ARequests
{
    public static JsonObject Rpc(string method, JsonNode? parameters, string id = "e2e-1") => new()
    {
        ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters,
    };

    public static JsonObject Message(JsonObject part) => new()
    {
        ["message"] = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(), ["role"] = "user", ["parts"] = new JsonArray(part),
        },
    };

    public static JsonObject Text(string text) => Message(new JsonObject { ["kind"] = "text", ["text"] = text });

    public static JsonObject Data(JsonObject data) => Message(new JsonObject { ["kind"] = "data", ["data"] = data });

    public static JsonObject Evaluation(string domain, string agent, int tasks, int trials = 1) => new()
    {
        ["skill"] = "run_tau2_evaluation", ["domain"] = domain, ["agent_endpoint"] = agent, ["num_tasks"] = tasks, ["num_trials"] = trials,
    };
}
