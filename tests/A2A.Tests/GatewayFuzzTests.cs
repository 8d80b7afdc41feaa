using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>A few hundred malformed bodies: the answer is always a JSON-RPC response (or a 4xx), never a 500.</summary>
public class GatewayFuzzTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static readonly int[] KnownCodes =
    [
        JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest, JsonRpcErrorCodes.MethodNotFound, JsonRpcErrorCodes.InvalidParams,
        JsonRpcErrorCodes.TaskNotFound, JsonRpcErrorCodes.TaskNotCancelable, JsonRpcErrorCodes.PushNotificationNotSupported,
        JsonRpcErrorCodes.AuthenticatedExtendedCardNotConfigured,
    ];

    private static readonly JsonNode?[] OddValues =
    [
        null, true, 0, -1, 1e308, "", "x", "\u0000\ud83d\ude00", new JsonArray(), new JsonArray(1, "a"), new JsonObject(),
        new JsonObject { ["kind"] = "text" }, new JsonObject { ["text"] = 5 }, new JsonObject { ["data"] = "s" }, new string('a', 5000),
    ];

    [Fact]
    public async Task Malformed_bodies_never_cause_a_server_error()
    {
        var client = factory.CreateClient();
        var bodies = Bodies(new Random(20250101)).ToList();
        Assert.True(bodies.Count >= 300);
        foreach (var body in bodies)
        {
            using var response = await client.PostAsync("/a2a/tau2_agent", new ByteArrayContent(body));
            var text = await response.Content.ReadAsStringAsync();
            string shown = Encoding.UTF8.GetString(body);
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode} for {shown}");
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var rpc = JsonNode.Parse(text)!.AsObject();
            Assert.Equal("2.0", (string?)rpc["jsonrpc"]);
            if (rpc["error"] is { } error) Assert.Contains((int)error["code"]!, KnownCodes);
            else Assert.NotNull(rpc["result"]);
            Assert.DoesNotContain("   at ", text);
        }
    }

    private static IEnumerable<byte[]> Bodies(Random random)
    {
        string valid = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "f", ["method"] = "message/send",
            ["params"] = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation() }, "fuzz", new JsonObject { ["blocking"] = true }),
        }.ToJsonString();

        for (int i = 0; i < 60; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            yield return bytes;
        }
        for (int cut = 0; cut < valid.Length; cut += Math.Max(1, valid.Length / 60))
            yield return Encoding.UTF8.GetBytes(valid[..cut]);
        for (int i = 0; i < 60; i++)
        {
            var chars = valid.ToCharArray();
            for (int j = 0; j < 3; j++) chars[random.Next(chars.Length)] = "{}[]\":,0a\\ "[random.Next(11)];
            yield return Encoding.UTF8.GetBytes(new string(chars));
        }
        string[] paths = ["jsonrpc", "id", "method", "params", "params.message", "params.message.role", "params.message.parts",
            "params.message.parts.0", "params.message.parts.0.data", "params.message.parts.0.data.domain", "params.message.parts.0.data.num_tasks",
            "params.message.parts.0.data.task_ids", "params.message.parts.0.data.skill", "params.message.contextId", "params.message.metadata",
            "params.configuration", "params.configuration.blocking"];
        foreach (var path in paths)
            foreach (var value in OddValues)
                yield return Encoding.UTF8.GetBytes(Replace(valid, path, value).ToJsonString());
        string[] methods = ["message/stream", "tasks/get", "tasks/cancel", "tasks/resubscribe"];
        foreach (var method in methods)
            foreach (var value in OddValues)
                yield return Encoding.UTF8.GetBytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = new JsonObject { ["id"] = value?.DeepClone() } }.ToJsonString());
    }

    private static JsonNode Replace(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var keys = path.Split('.');
        JsonNode node = root;
        foreach (var key in keys[..^1]) node = int.TryParse(key, out int i) ? node[i]! : node[key]!;
        var copy = value?.DeepClone();
        if (int.TryParse(keys[^1], out int index)) node.AsArray()[index] = copy;
        else node.AsObject()[keys[^1]] = copy;
        return root;
    }
}
