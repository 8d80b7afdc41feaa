using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// Over a thousand malformed or hostile JSON-RPC bodies (seeded, so every run sends the same ones):
/// random bytes, truncated and corrupted JSON, wrong types at every level, huge strings, deep
/// nesting, unknown methods, bad ids, odd version headers. The answer is always a well-formed
/// JSON-RPC response with a known code (or a 4xx), never a 500 or a stack trace, and the gateway
/// keeps serving afterwards.
/// </summary>
public class GatewayFuzzTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private const int Seed = 20250101;

    private static readonly int[] KnownCodes =
    [
        JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest, JsonRpcErrorCodes.MethodNotFound, JsonRpcErrorCodes.InvalidParams,
        JsonRpcErrorCodes.TaskNotFound, JsonRpcErrorCodes.TaskNotCancelable, JsonRpcErrorCodes.PushNotificationNotSupported,
        JsonRpcErrorCodes.AuthenticatedExtendedCardNotConfigured, JsonRpcErrorCodes.VersionNotSupported,
    ];

    private static readonly JsonNode?[] OddValues =
    [
        null, true, false, 0, -1, 1.5, 1e308, -1e308, long.MaxValue, "", "x", "\u0000\ud83d\ude00", "../../etc/passwd", "<script>alert(1)</script>",
        new JsonArray(), new JsonArray(1, "a", null), new JsonObject(), new JsonObject { ["kind"] = "text" }, new JsonObject { ["text"] = 5 },
        new JsonObject { ["data"] = "s" }, new JsonObject { ["file"] = new JsonObject { ["bytes"] = 1 } }, new string('a', 5000), new string('é', 70_000),
        Nested(100),
    ];

    private static readonly string[] Methods =
    [
        "message/send", "message/stream", "tasks/get", "tasks/cancel", "tasks/resubscribe", "tasks/pushNotificationConfig/set",
        "agent/getAuthenticatedExtendedCard", "SendMessage", "SendStreamingMessage", "GetTask", "CancelTask", "SubscribeToTask", "ListTasks",
        "tasks/list", "GetExtendedAgentCard", "", " ", "MESSAGE/SEND", "message/send ", "rpc.discover", "__proto__", "constructor", new string('m', 10_000),
    ];

    private static readonly string?[] VersionHeaders = [null, "0.3", "1.0", "1", "0.3.0", "2.0", "0.2", "abc", "", "1.0.0.0", "-1", "９"];

    [Fact]
    public async Task A_thousand_hostile_bodies_get_json_rpc_errors_or_4xx_and_the_gateway_keeps_serving()
    {
        var client = factory.CreateClient();
        var random = new Random(Seed);
        var bodies = Bodies(random).ToList();
        Assert.True(bodies.Count >= 1000, $"only {bodies.Count} bodies");
        var codes = new Dictionary<int, int>();

        foreach (var (body, index) in bodies.Select((b, i) => (b, i)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/a2a/tau2_agent") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", index % 7 == 0 ? "text/plain" : "application/json");
            if (VersionHeaders[index % VersionHeaders.Length] is { } version) request.Headers.TryAddWithoutValidation("A2A-Version", version);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var response = await client.SendAsync(request, cancel.Token);
            var text = await response.Content.ReadAsStringAsync(cancel.Token);
            string shown = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode} for body #{index}: {shown}");
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("Exception", text);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                // a JSON-RPC notification: no reply at all
                Assert.Equal("", text);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.InRange((int)response.StatusCode, 400, 499);
                continue;
            }
            foreach (var rpc in Responses(response.Content.Headers.ContentType?.MediaType, text, shown))
            {
                Assert.Equal("2.0", (string?)rpc["jsonrpc"]);
                Assert.True(rpc.ContainsKey("id"), $"no id in {rpc.ToJsonString()}");
                if (rpc["error"] is JsonObject error)
                {
                    int code = (int)error["code"]!;
                    Assert.Contains(code, KnownCodes);
                    Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }
                else Assert.NotNull(rpc["result"]);
            }
        }

        // every kind of refusal was exercised, and a normal request still works
        Assert.All([JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest, JsonRpcErrorCodes.MethodNotFound, JsonRpcErrorCodes.InvalidParams, JsonRpcErrorCodes.VersionNotSupported],
            c => Assert.True(codes.GetValueOrDefault(c) > 0, $"no {c} among {string.Join(", ", codes)}"));
        var after = await new GatewayClient(client).SendDataAsync(new JsonObject { ["skill"] = "list_domains" });
        Assert.Equal("completed", (string?)GatewayClient.Result(after)["status"]!["state"]);
    }

    /// <summary>The JSON-RPC objects of a plain response or of every SSE event.</summary>
    private static IEnumerable<JsonObject> Responses(string? contentType, string text, string shown)
    {
        if (contentType == "text/event-stream")
        {
            foreach (var e in text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("data: ", StringComparison.Ordinal)))
                yield return JsonNode.Parse(e["data: ".Length..])!.AsObject();
            yield break;
        }
        Assert.True(contentType == "application/json", $"content type {contentType} for {shown}");
        yield return JsonNode.Parse(text)!.AsObject();
    }

    private static IEnumerable<byte[]> Bodies(Random random)
    {
        string valid = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "f", ["method"] = "message/send",
            ["params"] = GatewayClient.SendParams(new JsonObject { ["kind"] = "data", ["data"] = GatewayClient.Evaluation() }, "fuzz", new JsonObject { ["blocking"] = true }),
        }.ToJsonString();

        // random bytes, some of them not UTF-8
        for (int i = 0; i < 80; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            yield return bytes;
        }
        // every truncation step of a valid request
        for (int cut = 0; cut < valid.Length; cut += Math.Max(1, valid.Length / 100))
            yield return Utf8(valid[..cut]);
        // a valid request with a few characters corrupted
        for (int i = 0; i < 150; i++)
        {
            var chars = valid.ToCharArray();
            for (int j = 0; j < 1 + random.Next(4); j++) chars[random.Next(chars.Length)] = "{}[]\":,0a\\ \u0000"[random.Next(12)];
            yield return Utf8(new string(chars));
        }
        // wrong types everywhere
        string[] paths = ["jsonrpc", "id", "method", "params", "params.message", "params.message.role", "params.message.parts",
            "params.message.parts.0", "params.message.parts.0.kind", "params.message.parts.0.data", "params.message.parts.0.data.domain",
            "params.message.parts.0.data.agent_endpoint", "params.message.parts.0.data.num_tasks", "params.message.parts.0.data.num_trials",
            "params.message.parts.0.data.task_ids", "params.message.parts.0.data.skill", "params.message.parts.0.data.seed",
            "params.message.parts.0.data.simulated_turn_latency_ms",
            "params.message.messageId", "params.message.contextId", "params.message.taskId", "params.message.metadata",
            "params.configuration", "params.configuration.blocking", "params.configuration.historyLength"];
        foreach (var path in paths)
            foreach (var value in OddValues)
                yield return Utf8(Replace(valid, path, value).ToJsonString());
        // unknown and odd methods, bad ids, odd params
        foreach (var method in Methods)
            for (int i = 0; i < 6; i++)
                yield return Utf8(new JsonObject
                {
                    ["jsonrpc"] = "2.0", ["id"] = OddValues[random.Next(OddValues.Length)]?.DeepClone(), ["method"] = method,
                    ["params"] = random.Next(3) == 0 ? OddValues[random.Next(OddValues.Length)]?.DeepClone() : new JsonObject { ["id"] = OddValues[random.Next(OddValues.Length)]?.DeepClone() },
                }.ToJsonString());
        // ListTasks with a wrong type or value at each of its parameters
        foreach (var parameter in new[] { "contextId", "status", "pageSize", "pageToken", "historyLength", "statusTimestampAfter", "includeArtifacts" })
            foreach (var value in OddValues)
                yield return Utf8(new JsonObject
                {
                    ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "ListTasks", ["params"] = new JsonObject { [parameter] = value?.DeepClone() },
                }.ToJsonString());
        // task ids that are strings but hostile
        foreach (var method in new[] { "tasks/get", "tasks/cancel", "tasks/resubscribe", "GetTask", "CancelTask", "SubscribeToTask" })
            foreach (var id in new[] { "", "eval-", "../x", "eval-" + new string('0', 5000), "%00", "\u202e", "eval-0123456789abcdef01234567" })
                yield return Utf8(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = new JsonObject { ["id"] = id } }.ToJsonString());
        // batches, duplicated keys, deep nesting, a body over the 1 MiB limit
        yield return Utf8("[" + valid + "," + valid + "]");
        yield return Utf8("""{"jsonrpc":"2.0","jsonrpc":"2.0","id":1,"method":"tasks/get","params":{"id":"a","id":"b"}}""");
        yield return Utf8(new string('[', 100_000));
        yield return Utf8(new string('[', 5_000) + new string(']', 5_000));
        yield return Utf8(Replace(valid, "params.message.parts.0.data.domain", new string('x', 1_100_000)).ToJsonString());
        yield return Utf8("""{"jsonrpc":"2.0","id":1e999,"method":"tasks/get","params":{"id":"x"}}""");
        yield return Utf8("""{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"tasks/get","params":{"id":"x"}}""");
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (int i = 0; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

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
