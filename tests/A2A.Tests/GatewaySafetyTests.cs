using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Gateway;
using Tau2Observe.TestSupport;

namespace Tau2Observe.A2A.Tests;

/// <summary>API keys, the agent-endpoint policy, size and rate limits, and what error bodies never contain.</summary>
public class GatewaySafetyTests
{
    private const string ListDomains = """{"jsonrpc":"2.0","id":1,"method":"message/send","params":{"message":{"messageId":"m","role":"user","parts":[{"kind":"data","data":{"skill":"list_domains"}}]}}}""";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? bearer = null, string path = GatewayClient.RpcPath)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task With_api_keys_configured_rpc_and_results_need_a_bearer_key_but_cards_health_and_page_do_not()
    {
        using var factory = new GatewayFactory { Settings = { ["Gateway:ApiKeys:0"] = "key-one", ["SERVICE_API_KEYS"] = " key-two ,," } };
        var http = factory.CreateClient();

        foreach (var (bearer, problem) in new[] { ((string?)null, "Authorization header missing"), ("wrong", "API key not accepted") })
        {
            using var refused = await PostAsync(http, ListDomains, bearer);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            Assert.Equal("INVALID_AUTH", (string?)body["code"]);
            Assert.StartsWith(problem, (string?)body["error"]);
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        }
        using (var basic = new HttpRequestMessage(HttpMethod.Get, "/api/evaluations"))
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", "a2V5LW9uZQ==");
            using var refused = await http.SendAsync(basic);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("expected Bearer", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/evaluations")).StatusCode);

        using var accepted = await PostAsync(http, ListDomains, "key-one");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var second = await PostAsync(http, ListDomains, "key-two");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var card = JsonNode.Parse(await http.GetStringAsync("/a2a/tau2_agent/.well-known/agent-card.json"))!;
        Assert.Equal("bearer", (string?)card["securitySchemes"]!["bearer"]!["scheme"]);
        Assert.NotNull(card["security"]![0]!["bearer"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("/health/cluster")).StatusCode); // a readiness loop needs no key
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/results/")).StatusCode);
    }

    [Fact]
    public async Task Without_api_keys_the_card_declares_no_security()
    {
        using var factory = new GatewayFactory();
        var card = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/.well-known/agent-card.json"))!.AsObject();
        Assert.False(card.ContainsKey("securitySchemes"));
        Assert.False(card.ContainsKey("security"));
    }

    [Fact]
    public async Task Requests_over_the_rate_limit_get_429_with_retry_after_per_client()
    {
        using var factory = new GatewayFactory { RateLimitPerMinute = 3 };
        var http = factory.CreateClient();
        for (int i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, ListDomains)).StatusCode);

        using var limited = await PostAsync(http, ListDomains);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("RATE_LIMITED", (string?)JsonNode.Parse(await limited.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/api/evaluations")).StatusCode);
        // cards and health stay reachable for health checks
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/a2a/tau2_agent/.well-known/agent-card.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_as_invalid_request()
    {
        using var factory = new GatewayFactory { Settings = { ["Gateway:MaxRequestBodyBytes"] = "2000" } };
        var http = factory.CreateClient();
        string big = ListDomains.Replace("\"m\"", "\"" + new string('m', 3000) + "\"");
        using var response = await PostAsync(http, big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, (int)error["code"]!);
        Assert.Contains("larger than 2000 bytes", (string?)error["message"]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, ListDomains)).StatusCode);
    }

    [Fact]
    public async Task A_body_kestrel_refuses_as_too_large_gets_413_and_a_json_rpc_error_but_no_error_log()
    {
        var logs = new CapturedLogs();
        using var factory = new GatewayFactory { Settings = { ["Gateway:MaxRequestBodyBytes"] = "2000" } };
        using var kestrel = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        kestrel.UseKestrel(0); // a real server: the test server has no body size limit
        using var http = kestrel.CreateClient();

        // its Content-Length is over the server's limit, so Kestrel refuses the body before the JSON-RPC reader has it
        using var response = await PostAsync(http, new string(' ', 5000) + ListDomains);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, (int)error["code"]!);
        Assert.Contains("larger than 2000 bytes", (string?)error["message"]);
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, ListDomains)).StatusCode);
    }

    [Fact]
    public async Task Internal_errors_carry_a_request_id_but_no_exception_text()
    {
        using var factory = new GatewayFactory();
        factory.Evaluations.ThrowOnStart = new InvalidOperationException("secret connection string redis://user:hunter2@10.0.0.1");
        var response = await new GatewayClient(factory.CreateClient()).SendDataAsync(GatewayClient.Evaluation());
        var message = (string)response["error"]!["message"]!;
        Assert.Equal(JsonRpcErrorCodes.InternalError, (int)response["error"]!["code"]!);
        Assert.StartsWith("Internal error (request ", message);
        Assert.DoesNotContain("hunter2", response.ToJsonString());
        Assert.DoesNotContain("InvalidOperationException", response.ToJsonString());
    }

    [Fact]
    public async Task A_results_api_failure_is_a_500_with_a_request_id_and_no_exception_text()
    {
        using var factory = new GatewayFactory();
        factory.Evaluations.ThrowOnList = new InvalidOperationException("redis://user:hunter2@10.0.0.1 unreachable");
        using var response = await factory.CreateClient().GetAsync("/api/evaluations");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("Internal error (request ", (string?)JsonNode.Parse(body)!["error"]);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task Configured_schemes_replace_the_default_ones()
    {
        using var factory = new GatewayFactory { Settings = { ["Gateway:AgentEndpoints:AllowedSchemes:0"] = "https" } };
        var response = await new GatewayClient(factory.CreateClient()).SendDataAsync(GatewayClient.Evaluation(agent: "http://127.0.0.1:5101/agents/oracle"));
        Assert.Contains("scheme 'http' is not allowed (allowed: https;", (string?)response["error"]!["message"]);
    }

    [Fact]
    public async Task A_refused_agent_endpoint_is_an_invalid_params_error_naming_the_setting()
    {
        using var factory = new GatewayFactory { Settings = { ["Gateway:AgentEndpoints:AllowLoopback"] = "false" } };
        var client = new GatewayClient(factory.CreateClient());
        var response = await client.SendDataAsync(GatewayClient.Evaluation(agent: "http://127.0.0.1:5101/agents/oracle"));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, GatewayClient.ErrorCode(response));
        Assert.Contains("AllowLoopback", (string?)response["error"]!["message"]);
        Assert.Empty(factory.Evaluations.Started);

        var oracle = await client.SendDataAsync(GatewayClient.Evaluation(agent: "oracle"));
        Assert.Equal("completed", (string?)GatewayClient.Result(oracle)["status"]!["state"]);
    }

    private static AgentEndpointPolicy Policy(AgentEndpointPolicyOptions options, params (string Host, string[] Addresses)[] dns) =>
        new(Options.Create(options))
        {
            Resolve = (host, _) => Task.FromResult(dns.FirstOrDefault(d => d.Host == host).Addresses?.Select(IPAddress.Parse).ToArray() ?? []),
        };

    [Theory]
    [InlineData("http://127.0.0.1:8001/a2a/x", "AllowLoopback")]
    [InlineData("http://[::1]:8001/a2a/x", "AllowLoopback")]
    [InlineData("http://localhost:8001/a2a/x", "AllowLoopback")]
    [InlineData("http://10.1.2.3/a2a/x", "AllowPrivateNetworks")]
    [InlineData("http://172.20.0.4/a2a/x", "AllowPrivateNetworks")]
    [InlineData("http://192.168.1.9/a2a/x", "AllowPrivateNetworks")]
    [InlineData("http://169.254.169.254/latest/meta-data", "AllowPrivateNetworks")]
    [InlineData("http://100.64.0.1/", "AllowPrivateNetworks")]
    [InlineData("http://[fd00::1]/", "AllowPrivateNetworks")]
    [InlineData("http://[::ffff:10.0.0.1]/", "AllowPrivateNetworks")]
    [InlineData("http://0.0.0.0:6379/", "AllowPrivateNetworks")]
    [InlineData("http://internal.example/a2a/x", "AllowPrivateNetworks")]   // a public-looking name for a private address
    [InlineData("http://nowhere.example/a2a/x", "does not resolve")]
    [InlineData("ftp://agent.example/a2a/x", "AllowedSchemes")]
    [InlineData("http://blocked.example/a2a/x", "DeniedHosts")]
    public async Task The_default_policy_refuses_internal_addresses(string endpoint, string hint)
    {
        var policy = Policy(new AgentEndpointPolicyOptions { DeniedHosts = ["*.example"] } is var o && endpoint.Contains("blocked") ? o : new AgentEndpointPolicyOptions(),
            ("localhost", ["127.0.0.1", "::1"]), ("internal.example", ["203.0.113.7", "10.0.0.8"]));
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => policy.CheckAsync(endpoint, CancellationToken.None));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, e.Code);
        Assert.Contains(hint, e.Message);
    }

    [Fact]
    public async Task Public_addresses_pass_and_configuration_opens_loopback_private_ranges_and_listed_hosts()
    {
        var dns = new[] { ("agent.example", new[] { "203.0.113.7" }), ("localhost", new[] { "127.0.0.1" }), ("corp.internal", new[] { "10.9.9.9" }) };
        await Policy(new AgentEndpointPolicyOptions(), dns).CheckAsync("https://agent.example/a2a/x", CancellationToken.None);
        await Policy(new AgentEndpointPolicyOptions(), dns).CheckAsync(EvaluationParameters.OracleEndpoint, CancellationToken.None);
        await Policy(new AgentEndpointPolicyOptions { AllowLoopback = true }, dns).CheckAsync("http://localhost:5101/agents/oracle", CancellationToken.None);
        await Policy(new AgentEndpointPolicyOptions { AllowPrivateNetworks = true }, dns).CheckAsync("http://10.1.2.3/a2a/x", CancellationToken.None);
        await Policy(new AgentEndpointPolicyOptions { AllowedHosts = ["*.internal"] }, dns).CheckAsync("http://corp.internal/a2a/x", CancellationToken.None);

        var onlyListed = Policy(new AgentEndpointPolicyOptions { AllowedHosts = ["agents.example.org"] }, dns);
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => onlyListed.CheckAsync("https://agent.example/a2a/x", CancellationToken.None));
        Assert.Contains("AllowedHosts", e.Message);
        var loopbackOnly = Policy(new AgentEndpointPolicyOptions { AllowLoopback = true }, dns);
        await Assert.ThrowsAsync<JsonRpcException>(() => loopbackOnly.CheckAsync("http://10.1.2.3/", CancellationToken.None));
    }
}
