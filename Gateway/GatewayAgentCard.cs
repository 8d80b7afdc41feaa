using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// The gateway's agent card (app name <c>tau2_agent</c>, as the reference gateway): the 0.3 card
/// the seed's clients read, plus 1.0's <c>supportedInterfaces</c> listing the same JSON-RPC URL for
/// 1.0 and 0.3, which is what 1.0 clients (the official SDKs' default) need to talk to it.
/// </summary>
public static class GatewayAgentCard
{
    public const string RpcPath = "/a2a/tau2_agent";

    /// <param name="requiresApiKey">Declares the bearer scheme when the gateway has API keys configured.</param>
    public static AgentCard Build(string baseUrl, bool requiresApiKey = false)
    {
        string rpcUrl = baseUrl.TrimEnd('/') + RpcPath;
        return new AgentCard
        {
            SecuritySchemes = requiresApiKey ? new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } } : null,
            Security = requiresApiKey ? new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }) : null,
            Name = "tau2_agent",
            Description = "Evaluation service that scores conversational agents with tau2-bench on customer-service domains " +
                          "(airline, retail, telecom, mock). Send a request as text or as a data part; progress streams over message/stream.",
            Url = rpcUrl,
            SupportedInterfaces =
            [
                new AgentInterface { Url = rpcUrl, ProtocolVersion = A2AVersions.V1_0 },
                new AgentInterface { Url = rpcUrl, ProtocolVersion = A2AVersions.V0_3 },
            ],
            Capabilities = new AgentCapabilities { Streaming = true, PushNotifications = false },
            DefaultInputModes = ["text/plain", "application/json"],
            DefaultOutputModes = ["text/plain", "application/json"],
            Skills =
            [
                new AgentSkill
                {
                    Id = "run-evaluation",
                    Name = "Run Evaluation",
                    Description = "Run a tau2-bench evaluation of the A2A agent at a URL on a domain. Data part: " +
                                  "{\"skill\": \"run_tau2_evaluation\", \"domain\": ..., \"agent_endpoint\": ..., \"num_tasks\": ..., \"num_trials\": ..., \"task_ids\": [...]}.",
                    Tags = ["evaluation", "benchmark", "testing"],
                    Examples =
                    [
                        "Run an evaluation on the airline domain for agent at http://127.0.0.1:5101/agents/oracle. Use 5 tasks and 1 trial(s).",
                        "Run an evaluation on the retail domain for agent at https://agent.example/a2a/my_agent. Run tasks: 0, 1, 2.",
                    ],
                },
                new AgentSkill
                {
                    Id = "list-domains",
                    Name = "List Domains",
                    Description = "List the evaluation domains and their task counts. Data part: {\"skill\": \"list_domains\"}.",
                    Tags = ["domains", "info"],
                    Examples = ["List available domains"],
                },
                new AgentSkill
                {
                    Id = "get-results",
                    Name = "Get Results",
                    Description = "Show the results of an evaluation by id. Data part: {\"skill\": \"get_evaluation_results\", \"evaluation_id\": ...}.",
                    Tags = ["results", "metrics"],
                    Examples = ["Get the results of eval-0123456789abcdef01234567"],
                },
            ],
        };
    }
}
