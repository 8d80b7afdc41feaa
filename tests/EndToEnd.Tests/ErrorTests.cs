using System.Text.Json.Nodes;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>Bad requests get one clear JSON-RPC error; failing agents fail their simulations, not the cluster.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ErrorTests(LoopbackCluster cluster)
{
    [Fact]
    public async Task Unknown_domain_is_an_invalid_params_error_naming_the_known_domains()
    {
        var response = await cluster.CallAsync(A2ARequests.Rpc("message/send", A2ARequests.Data(A2ARequests.Evaluation("nope", cluster.OracleAgentUrl, 1))));

        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        var message = (string)response["error"]!["message"]!;
        Assert.StartsWith("Unknown domain 'nope'. Known domains: ", message);
        Assert.Contains("airline", message);
        Assert.Null(response["result"]);
    }

    [Fact]
    public async Task Unreachable_agent_url_is_an_invalid_params_error_and_starts_nothing()
    {
        int closedPort = FreeLoopbackPorts.Take(1)[0];
        var request = A2ARequests.Rpc("message/stream", A2ARequests.Data(A2ARequests.Evaluation("airline", $"http://user:secret@127.0.0.1:{closedPort}/a2a?token=abc", 2)));

        var (status, contentType, body) = await cluster.PostAsync(request.ToJsonString());

        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType); // an error before the stream opens, not an SSE body
        var response = JsonNode.Parse(body)!;
        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.Equal($"The agent at http://127.0.0.1:{closedPort}/a2a is unreachable (connection refused): check the URL and that the agent is running.",
            (string?)response["error"]!["message"]);
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("abc", body);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\"", -32700)]
    [InlineData("[]", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such\",\"params\":{}}", -32601)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":42}}", -32602)]
    public async Task Malformed_json_rpc_gets_the_matching_error_code(string body, int code)
    {
        var (status, contentType, text) = await cluster.PostAsync(body);

        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType);
        var response = JsonNode.Parse(text)!;
        Assert.Equal("2.0", (string?)response["jsonrpc"]);
        Assert.Equal(code, (int)response["error"]!["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)response["error"]!["message"]));
        Assert.DoesNotContain("   at ", text); // no stack trace
    }

    [Theory]
    [InlineData("http500", "agent_error", "500")]
    [InlineData("jsonrpc_error", "agent_error", "simulated agent failure")]
    [InlineData("malformed_tool_call", "agent_error", null)]
    public async Task An_agent_failing_mid_run_fails_its_simulations_and_the_cluster_keeps_working(string mode, string termination, string? errorText)
    {
        var faulty = await EvaluationStreamResult.ReadAsync(cluster,
            A2ARequests.Rpc("message/stream", A2ARequests.Data(A2ARequests.Evaluation("airline", $"{cluster.MockAgentsUrl}/agents/faulty/{mode}", 3))));

        Assert.Equal("completed", (string?)faulty.Final["status"]!["state"]);
        var result = faulty.ResultDocument;
        Assert.Equal(new JsonObject { [termination] = 3 }.ToJsonString(), result["summary"]!["termination_counts"]!.ToJsonString());
        Assert.Equal(0.0, (double)result["summary"]!["avg_reward"]!);
        Assert.All(result["simulations"]!.AsArray(), s =>
        {
            Assert.Equal(termination, (string?)s!["termination_reason"]);
            Assert.Equal(0.0, (double)s["reward"]!);
            var error = (string?)s["error"];
            Assert.False(string.IsNullOrWhiteSpace(error), s.ToJsonString());
            Assert.Contains(cluster.MockAgentsUrl, error);
            if (errorText is not null) Assert.Contains(errorText, error);
        });
        Assert.Equal(3, faulty.Progress.Count);

        // the same cluster still runs a good evaluation afterwards
        var healthy = await EvaluationStreamResult.ReadAsync(cluster,
            A2ARequests.Rpc("message/stream", A2ARequests.Data(A2ARequests.Evaluation("airline", cluster.OracleAgentUrl, 2))));
        Assert.Equal("completed", (string?)healthy.Final["status"]!["state"]);
        Assert.Equal(1.0, (double)healthy.ResultDocument["summary"]!["avg_reward"]!);
    }
}
