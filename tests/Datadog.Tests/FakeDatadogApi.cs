using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tau2Observe.Datadog;

namespace Tau2Observe.Datadog.Tests;

/// <summary>
/// An in-memory Datadog API on 127.0.0.1 (Kestrel, port 0) speaking the endpoints the provisioner and
/// the LLM Observability submitter use, with Datadog's response shapes and auth rules: config APIs need
/// both keys, intake needs the API key, anything else is a 403 <c>{"errors":["Forbidden"]}</c>.
/// </summary>
public sealed class FakeDatadogApi : IAsyncDisposable
{
    public const string ApiKey = "fake-api-key-5f1c0d2e9a7b4c3d";
    public const string AppKey = "fake-app-key-8e2b6a1f0c9d7e5b";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private long _nextMonitorId = 1000;
    private int _nextId;

    public Dictionary<string, JsonObject> Monitors { get; } = [];
    public Dictionary<string, JsonObject> Slos { get; } = [];
    public Dictionary<string, JsonObject> Dashboards { get; } = [];
    public Dictionary<string, JsonObject> CaseProjects { get; } = [];
    public List<JsonObject> SpanPayloads { get; } = [];
    public List<JsonObject> EvaluationPayloads { get; } = [];
    /// <summary>"METHOD /path" of every request received, in order.</summary>
    public List<string> Requests { get; } = [];
    public List<Dictionary<string, string>> IntakeHeaders { get; } = [];

    /// <summary>When set, every request is refused as if the keys were wrong.</summary>
    public bool RejectAllKeys { get; set; }

    /// <summary>Monitor names that <c>/api/v1/monitor/validate</c> rejects.</summary>
    public HashSet<string> InvalidMonitorNames { get; } = [];

    public Uri BaseAddress { get; private set; } = null!;

    public DatadogSettings Settings => new(ApiKey, AppKey, "fake.test", BaseAddress);

    private FakeDatadogApi(WebApplication app) => _app = app;

    public static async Task<FakeDatadogApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeDatadogApi(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address + "/");
        return fake;
    }

    /// <summary>Requests to exactly this path (query strings are not recorded).</summary>
    public int CountRequests(string method, string path)
    {
        lock (_gate) return Requests.Count(r => r == $"{method} {path}");
    }

    public int CountRequestsUnder(string method, string pathPrefix)
    {
        lock (_gate) return Requests.Count(r => r.StartsWith($"{method} {pathPrefix}", StringComparison.Ordinal));
    }

    /// <summary>Someone else's resources, which teardown must leave alone.</summary>
    public void AddForeignResources()
    {
        lock (_gate)
        {
            Monitors["1"] = new JsonObject { ["id"] = 1, ["name"] = "payments: error rate", ["tags"] = new JsonArray("team:payments") };
            Slos["foreign-slo"] = new JsonObject { ["id"] = "foreign-slo", ["name"] = "payments availability", ["tags"] = new JsonArray("team:payments") };
            Dashboards["abc-def-ghi"] = new JsonObject { ["id"] = "abc-def-ghi", ["title"] = "Payments", ["description"] = "owned by payments" };
        }
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            var request = context.Request;
            lock (_gate) Requests.Add($"{request.Method} {request.Path}");
            bool intake = request.Path.StartsWithSegments("/api/intake");
            bool authorised = !RejectAllKeys
                && request.Headers["DD-API-KEY"] == ApiKey
                && (intake || request.Headers["DD-APPLICATION-KEY"] == AppKey);
            if (!authorised)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"errors":["Forbidden"]}""");
                return;
            }
            if (intake) lock (_gate) IntakeHeaders.Add(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            await next();
        });

        _app.MapGet("/api/v1/monitor", (HttpRequest r) =>
        {
            var wanted = r.Query["monitor_tags"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            int page = int.Parse(r.Query["page"].FirstOrDefault() ?? "0"), size = int.Parse(r.Query["page_size"].FirstOrDefault() ?? "100");
            lock (_gate)
                return Json(new JsonArray([.. Monitors.Values.Where(m => wanted.All(t => HasTag(m, t))).Skip(page * size).Take(size).Select(m => m.DeepClone())]));
        });
        _app.MapPost("/api/v1/monitor", async (HttpRequest r) =>
        {
            var monitor = await Body(r);
            lock (_gate)
            {
                var id = ++_nextMonitorId;
                monitor["id"] = id;
                Monitors[id.ToString()] = monitor;
                return Json(monitor.DeepClone());
            }
        });
        _app.MapPost("/api/v1/monitor/validate", async (HttpRequest r) =>
        {
            var monitor = await Body(r);
            var name = monitor["name"]?.GetValue<string>() ?? "";
            return InvalidMonitorNames.Contains(name) || monitor["query"] is null
                ? Json(new JsonObject { ["errors"] = new JsonArray("The value provided for parameter 'query' is invalid") }, 400)
                : Json(new JsonObject());
        });
        _app.MapPut("/api/v1/monitor/{id}", async (string id, HttpRequest r) => await Replace(Monitors, id, r, body => body["id"] = long.Parse(id)));
        _app.MapDelete("/api/v1/monitor/{id}", (string id) => Delete(Monitors, id, new JsonObject { ["deleted_monitor_id"] = long.Parse(id) }));

        _app.MapGet("/api/v1/slo", (HttpRequest r) =>
        {
            var wanted = r.Query["tags_query"].ToString();
            int offset = int.Parse(r.Query["offset"].FirstOrDefault() ?? "0"), limit = int.Parse(r.Query["limit"].FirstOrDefault() ?? "1000");
            lock (_gate)
                return Json(new JsonObject { ["data"] = new JsonArray([.. Slos.Values.Where(s => wanted.Length == 0 || HasTag(s, wanted)).Skip(offset).Take(limit).Select(s => s.DeepClone())]) });
        });
        _app.MapPost("/api/v1/slo", async (HttpRequest r) =>
        {
            var slo = await Body(r);
            lock (_gate)
            {
                var id = $"slo{++_nextId:d4}";
                slo["id"] = id;
                Slos[id] = slo;
                return Json(new JsonObject { ["data"] = new JsonArray(slo.DeepClone()), ["errors"] = null });
            }
        });
        _app.MapPut("/api/v1/slo/{id}", async (string id, HttpRequest r) => await Replace(Slos, id, r, body => body["id"] = id, wrapInData: true));
        _app.MapDelete("/api/v1/slo/{id}", (string id) => Delete(Slos, id, new JsonObject { ["data"] = new JsonArray(id) }));

        _app.MapGet("/api/v1/dashboard", (HttpRequest r) =>
        {
            int start = int.Parse(r.Query["start"].FirstOrDefault() ?? "0"), count = int.Parse(r.Query["count"].FirstOrDefault() ?? "100");
            lock (_gate)
                return Json(new JsonObject
                {
                    ["dashboards"] = new JsonArray([.. Dashboards.Values.Skip(start).Take(count).Select(d => new JsonObject
                    {
                        ["id"] = d["id"]!.DeepClone(), ["title"] = d["title"]?.DeepClone(), ["description"] = d["description"]?.DeepClone(),
                    })]),
                });
        });
        _app.MapPost("/api/v1/dashboard", async (HttpRequest r) =>
        {
            var dashboard = await Body(r);
            lock (_gate)
            {
                var id = $"d{++_nextId:d2}-xyz-abc";
                dashboard["id"] = id;
                dashboard["url"] = $"/dashboard/{id}";
                Dashboards[id] = dashboard;
                return Json(dashboard.DeepClone());
            }
        });
        _app.MapPut("/api/v1/dashboard/{id}", async (string id, HttpRequest r) => await Replace(Dashboards, id, r, body => body["id"] = id));
        _app.MapDelete("/api/v1/dashboard/{id}", (string id) => Delete(Dashboards, id, new JsonObject { ["deleted_dashboard_id"] = id }));

        _app.MapGet("/api/v2/cases/projects", () =>
        {
            lock (_gate) return Json(new JsonObject { ["data"] = new JsonArray([.. CaseProjects.Values.Select(p => p.DeepClone())]) });
        });
        _app.MapPost("/api/v2/cases/projects", async (HttpRequest r) =>
        {
            var attributes = (await Body(r))["data"]!["attributes"]!;
            lock (_gate)
            {
                var id = Guid.NewGuid().ToString();
                var project = new JsonObject { ["id"] = id, ["type"] = "project", ["attributes"] = attributes.DeepClone() };
                CaseProjects[id] = project;
                return Json(new JsonObject { ["data"] = project.DeepClone() }, 201);
            }
        });

        _app.MapPost("/api/intake/llm-obs/v1/trace/spans", async (HttpRequest r) =>
        {
            var payload = await Body(r);
            lock (_gate) SpanPayloads.Add(payload);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        _app.MapPost("/api/intake/llm-obs/v2/eval-metric", async (HttpRequest r) =>
        {
            var payload = await Body(r);
            lock (_gate) EvaluationPayloads.Add(payload);
            var echo = payload.DeepClone();
            foreach (var metric in echo["data"]!["attributes"]!["metrics"]!.AsArray()) metric!["id"] = Guid.NewGuid().ToString();
            echo["data"]!["id"] = Guid.NewGuid().ToString();
            return Json(echo, 202);
        });
    }

    private async Task<IResult> Replace(Dictionary<string, JsonObject> store, string id, HttpRequest request, Action<JsonObject> stampId, bool wrapInData = false)
    {
        var body = await Body(request);
        lock (_gate)
        {
            if (!store.ContainsKey(id)) return Json(new JsonObject { ["errors"] = new JsonArray("Not found") }, 404);
            stampId(body);
            store[id] = body;
            return Json(wrapInData ? new JsonObject { ["data"] = new JsonArray(body.DeepClone()) } : body.DeepClone());
        }
    }

    private IResult Delete(Dictionary<string, JsonObject> store, string id, JsonObject answer)
    {
        lock (_gate)
            return store.Remove(id) ? Json(answer) : Json(new JsonObject { ["errors"] = new JsonArray("Not found") }, 404);
    }

    private static async Task<JsonObject> Body(HttpRequest request) =>
        (await JsonNode.ParseAsync(request.Body))!.AsObject();

    private static bool HasTag(JsonObject resource, string tag) =>
        resource["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == tag);

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Content(node.ToJsonString(), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
