using System.Text.Json.Nodes;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>A gateway whose silo is not (yet) there: it serves, says so, and loses nothing.</summary>
public sealed class NoSiloTests
{
    [Fact]
    public async Task Without_a_silo_the_gateway_answers_a_clear_error_and_its_cluster_health_is_503()
    {
        int nothingThere = FreeLoopbackPorts.Take(1)[0];
        await using var gateway = HostProcess.Start("gateway-without-silo", RepositoryLayout.HostDll("Gateway", "Tau2Observe.Gateway"),
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["TAU2_DATA_DIR"] = RepositoryLayout.DataDirectory, ["Tau2Observe__GatewayPort"] = nothingThere.ToString() });
        var url = await gateway.WaitUntilListeningAsync(TimeSpan.FromMinutes(2));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        Assert.Equal("ok", await http.GetStringAsync(url + "/health"));
        using (var cluster = await http.GetAsync(url + "/health/cluster"))
            Assert.Equal(503, (int)cluster.StatusCode);

        var request = A2ARequests.Rpc("message/send", A2ARequests.Data(A2ARequests.Evaluation("airline", "oracle", 1)));
        using var response = await http.PostAsync(url + "/a2a/tau2_agent", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(-32603, (int)body["error"]!["code"]!);
        Assert.Equal("The evaluation cluster is not reachable: no silo answers the gateway (none started yet, or it went down). Start a silo (or wait until it is up) and retry.",
            (string?)body["error"]!["message"]);
    }
}
