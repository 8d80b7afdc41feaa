using Orleans.Configuration;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.ServiceDefaults;

namespace Tau2Observe.Gateway;

/// <summary>
/// The evaluation gateway: an A2A server (<c>POST /a2a/tau2_agent</c>, card at
/// <c>/a2a/tau2_agent/.well-known/agent-card.json</c>) in front of the Orleans cluster, plus the
/// results file at <c>GET /api/evaluations/{id}/results</c>.
/// </summary>
public static class GatewayApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.ListenByDefaultOn("http://127.0.0.1:5100");
        builder.AddServiceDefaults("tau2observe-gateway");
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(_ => DomainCatalog.FromDataDirectory(builder.Configuration["TAU2_DATA_DIR"]));
        builder.Services.AddSingleton<RecentTasks>();
        builder.Services.AddSingleton<EvaluationFollower>();
        builder.Services.AddSingleton<AgentEndpointProbe>();
        builder.Services.AddSingleton<GatewayRpc>();
        AddCluster(builder, options);

        var app = builder.Build();
        app.Services.GetRequiredService<DomainCatalog>(); // a bad TAU2_DATA_DIR fails at start, not on the first request
        string? publicBaseUrl = options.PublicBaseUrl ?? app.Configuration["PUBLIC_BASE_URL"];

        app.UseExceptionHandler(errors => errors.Run(async http =>
        {
            // last resort (e.g. an unreadable request): a JSON-RPC error, never a stack trace
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(A2AJson.Serialize(JsonRpcResponse.Failure(null, JsonRpcErrorCodes.InternalError, "Internal error")));
        }));

        IResult Card(HttpRequest request) =>
            Results.Json(GatewayAgentCard.Build(string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicBaseUrl), A2AJson.Options);
        app.MapGet(GatewayAgentCard.RpcPath + "/.well-known/agent-card.json", Card);
        app.MapGet("/.well-known/agent-card.json", Card);
        // where A2A SDKs look when given the RPC URL without a trailing slash
        app.MapGet("/a2a/.well-known/agent-card.json", Card);

        // routing also matches the trailing-slash form used in curl examples, without a redirect
        app.MapPost(GatewayAgentCard.RpcPath, (HttpContext http, GatewayRpc rpc) => rpc.HandleAsync(http));

        app.MapGet("/api/evaluations/{id}/results", async (string id, IEvaluationService evaluations, CancellationToken ct) =>
            await evaluations.GetAsync(id, ct) is null
                ? Results.NotFound()
                : Results.Text(await evaluations.GetResultsJsonAsync(id, ct), "application/json"));
        app.MapGet("/health", () => Results.Text("ok"));
        if (app.Services.GetService<IClusterClient>() is { } cluster)
            app.MapGet("/health/cluster", () => ClusterHealthAsync(cluster));
        return app;
    }

    private static void AddCluster(WebApplicationBuilder builder, GatewayOptions options)
    {
        var configuration = builder.Configuration;
        var clustering = options.Clustering
            ?? (string.Equals(configuration["Tau2Observe:Backend"]?.Trim(), "redis", StringComparison.OrdinalIgnoreCase) ? "redis" : "localhost");
        switch (clustering.ToLowerInvariant())
        {
            case "none":
                return; // the host (e.g. a test) registers its own IEvaluationService
            case "localhost":
                int port = options.OrleansGatewayPort ?? configuration.GetValue("Tau2Observe:GatewayPort", 30000);
                StartBeforeClusterIsReachable(builder);
                builder.UseOrleansClient(client =>
                {
                    client.UseLocalhostClustering(port, ClusterIdentity.ServiceId, ClusterIdentity.ClusterId);
                    client.AddActivityPropagation(); // the evaluation's trace continues into the grains
                    client.Services.Configure<ClusterOptions>(configuration.GetSection("Orleans"));
                });
                break;
            case "redis":
                var redis = options.RedisConnectionString ?? configuration["Tau2Observe:Redis"];
                if (string.IsNullOrWhiteSpace(redis))
                    throw new InvalidOperationException("Redis clustering needs a connection string: set Tau2Observe:Redis (or Gateway:RedisConnectionString).");
                StartBeforeClusterIsReachable(builder);
                builder.UseOrleansClient(client =>
                {
                    client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ClusterIdentity.ServiceId, ClusterIdentity.ClusterId));
                    client.UseRedisClustering(redis);
                    client.AddActivityPropagation();
                    client.Services.Configure<ClusterOptions>(configuration.GetSection("Orleans"));
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown Gateway:Clustering '{clustering}' (expected localhost, redis or none).");
        }
        builder.Services.AddSingleton<IEvaluationService, ClusterEvaluationService>();
    }

    /// <summary>200 once a silo answers the gateway, else 503: what to wait for before sending evaluations.</summary>
    private static async Task<IResult> ClusterHealthAsync(IClusterClient cluster)
    {
        try
        {
            var silos = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return silos.Count > 0 ? Results.Text("ok") : Results.Text("no active silo", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is ArgumentException or OrleansException or TimeoutException)
        {
            return Results.Text("no silo reachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// The Orleans client keeps retrying until a silo answers; started alongside Kestrel instead of
    /// before it, the card and health check answer meanwhile and evaluation calls fail cleanly.
    /// </summary>
    private static void StartBeforeClusterIsReachable(WebApplicationBuilder builder) =>
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
}
