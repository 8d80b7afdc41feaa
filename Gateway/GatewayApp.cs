using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Orleans.Configuration;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.ServiceDefaults;

namespace Tau2Observe.Gateway;

/// <summary>
/// The evaluation gateway: an A2A server (0.3 and 1.0 on <c>POST /a2a/tau2_agent</c>, card at
/// <c>/a2a/tau2_agent/.well-known/agent-card.json</c>) in front of the Orleans cluster, the REST
/// results API (<see cref="ResultsApi"/>) and the results page (<see cref="ResultsPage"/>); with
/// optional API keys, an agent-endpoint policy, a request size limit and per-client rate limits.
/// </summary>
public static class GatewayApp
{
    public const string RateLimitPolicy = "per-client";

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
        builder.Services.Configure<AgentEndpointPolicyOptions>(builder.Configuration.GetSection(AgentEndpointPolicyOptions.Section));
        builder.Services.AddSingleton<AgentEndpointPolicy>();
        builder.Services.AddSingleton<LlmRequestInterpreter>();
        // one byte over the JSON-RPC limit, so the reader itself answers -32600 for a body just too large
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes + 1L);
        var apiKeys = ApiKeyMiddleware.Keys(options, builder.Configuration);
        AddRateLimits(builder, options, apiKeys.Count > 0);
        AddCluster(builder, options);

        var app = builder.Build();
        app.Services.GetRequiredService<DomainCatalog>(); // a bad TAU2_DATA_DIR fails at start, not on the first request
        string? publicBaseUrl = options.PublicBaseUrl ?? app.Configuration["PUBLIC_BASE_URL"];

        app.UseExceptionHandler(errors => errors.Run(async http =>
        {
            // last resort, never a stack trace: a client error keeps its 4xx (e.g. 413 for a declared body over the limit);
            // on the RPC path anything else is a JSON-RPC error, elsewhere (results API) a 500 with the request id to find in the log
            var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            bool rpc = http.Request.Path.StartsWithSegments(GatewayAgentCard.RpcPath);
            http.Response.StatusCode = error is BadHttpRequestException bad ? bad.StatusCode : rpc ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json";
            if (!rpc)
            {
                await http.Response.WriteAsJsonAsync(new { error = $"Internal error (request {http.TraceIdentifier})." });
                return;
            }
            int code = error is BadHttpRequestException ? JsonRpcErrorCodes.InvalidRequest : JsonRpcErrorCodes.InternalError;
            string message = error is BadHttpRequestException ? "Invalid Request: the HTTP request was refused (too large or malformed)" : "Internal error";
            await http.Response.WriteAsync(A2AJson.Serialize(JsonRpcResponse.Failure(null, code, message)));
        }));
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();

        IResult Card(HttpRequest request) =>
            Results.Json(GatewayAgentCard.Build(string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicBaseUrl, apiKeys.Count > 0), A2AJson.Options);
        app.MapGet(GatewayAgentCard.RpcPath + "/.well-known/agent-card.json", Card);
        app.MapGet("/.well-known/agent-card.json", Card);
        // where A2A SDKs look when given the RPC URL without a trailing slash
        app.MapGet("/a2a/.well-known/agent-card.json", Card);

        // routing also matches the trailing-slash form used in curl examples, without a redirect
        app.MapPost(GatewayAgentCard.RpcPath, (HttpContext http, GatewayRpc rpc) => rpc.HandleAsync(http)).RequireRateLimiting(RateLimitPolicy);

        ResultsApi.Map(app).RequireRateLimiting(RateLimitPolicy);
        ResultsPage.Map(app);
        app.MapGet("/health", () => Results.Text("ok"));
        if (app.Services.GetService<IClusterClient>() is { } cluster)
            app.MapGet("/health/cluster", () => ClusterHealthAsync(cluster));
        return app;
    }

    /// <summary>
    /// A fixed window per client: the (already checked) API key when keys are configured, else the
    /// remote address, so a client cannot get a fresh budget by inventing headers. Rejections are
    /// HTTP 429 with <c>Retry-After</c> and a JSON body.
    /// </summary>
    private static void AddRateLimits(WebApplicationBuilder builder, GatewayOptions options, bool byApiKey)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = $"Too many requests: at most {options.RateLimitPerMinute} a minute per client.", code = "RATE_LIMITED" }, ct);
            };
            limiter.AddPolicy(RateLimitPolicy, http => options.RateLimitPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(ClientOf(http, byApiKey), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
        });
    }

    private static string ClientOf(HttpContext http, bool byApiKey)
    {
        if (byApiKey && http.Request.Headers.Authorization.FirstOrDefault() is { Length: > 7 } header)
            return "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())))[..16];
        return "ip:" + (http.Connection.RemoteIpAddress ?? IPAddress.None);
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
        bool durable = clustering.Equals("redis", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSingleton<IEvaluationService>(sp => new ClusterEvaluationService(sp.GetRequiredService<IGrainFactory>(), durable));
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
