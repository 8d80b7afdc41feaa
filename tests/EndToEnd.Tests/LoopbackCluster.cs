using System.Text.Json.Nodes;
using System.Text;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// The real hosts on loopback, each its own process: a Silo (in-memory backend, free Orleans ports),
/// MockAgents and a Gateway pointed at that silo. Started once for the end-to-end collection.
/// </summary>
public sealed class LoopbackCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly List<HostProcess> _hosts = [];

    public string GatewayUrl { get; private set; } = "";
    public string MockAgentsUrl { get; private set; } = "";
    public string SiloUrl { get; private set; } = "";
    public int OrleansGatewayPort { get; private set; }
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

    public string RpcUrl => GatewayUrl + "/a2a/tau2_agent";
    public string OracleAgentUrl => MockAgentsUrl + "/agents/oracle";

    /// <summary>The output of every host, for assertion messages.</summary>
    public string Logs => string.Join("\n", _hosts.Select(h => $"===== {h.Name} (pid {h.Pid})\n{h.Output}"));

    public async Task InitializeAsync()
    {
        var ports = FreeLoopbackPorts.Take(2);
        OrleansGatewayPort = ports[1];
        var data = new Dictionary<string, string?> { ["TAU2_DATA_DIR"] = RepositoryLayout.DataDirectory };
        var silo = Start("silo", "Silo", "Tau2Observe.Silo", new(data)
        {
            ["Tau2Observe__Backend"] = "memory",
            ["Tau2Observe__SiloPort"] = ports[0].ToString(),
            ["Tau2Observe__GatewayPort"] = ports[1].ToString(),
        });
        var mock = Start("mock-agents", "MockAgents", "Tau2Observe.MockAgents", new(data));
        // the gateway reads the silo's own variables to find it
        var gateway = Start("gateway", "Gateway", "Tau2Observe.Gateway", new(data) { ["Tau2Observe__GatewayPort"] = ports[1].ToString() });

        SiloUrl = await silo.WaitUntilListeningAsync(StartTimeout); // Kestrel starts after the silo has joined
        MockAgentsUrl = await mock.WaitUntilListeningAsync(StartTimeout);
        GatewayUrl = await gateway.WaitUntilListeningAsync(StartTimeout);
        await WaitUntilGatewayReachesClusterAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>POSTs a raw body to the gateway's RPC endpoint; returns the HTTP status, content type and body.</summary>
    public async Task<(int Status, string ContentType, string Body)> PostAsync(string body)
    {
        using var response = await Http.PostAsync(RpcUrl, new StringContent(body, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonObject> CallAsync(JsonObject request) => JsonNode.Parse((await PostAsync(request.ToJsonString())).Body)!.AsObject();

    /// <summary>The gateway's Orleans client connects in the background; <c>/health/cluster</c> says when it has.</summary>
    private async Task WaitUntilGatewayReachesClusterAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        int status = 0;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync(GatewayUrl + "/health/cluster");
            status = (int)response.StatusCode;
            if (status == 200) return;
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"the gateway did not reach the silo (/health/cluster: {status})\n{Logs}");
    }

    private HostProcess Start(string name, string project, string assembly, Dictionary<string, string?> environment)
    {
        var host = HostProcess.Start(name, RepositoryLayout.HostDll(project, assembly), ["--urls", "http://127.0.0.1:0"], environment);
        _hosts.Add(host);
        return host;
    }
}
