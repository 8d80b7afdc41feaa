using Tau2Observe.Engine.A2A;
using Tau2Observe.ServiceDefaults;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.MockAgents;

/// <summary>
/// The agents under test for offline runs, served over A2A on loopback:
/// <c>/agents/oracle</c> plays each task's gold actions; <c>/agents/faulty/{mode}</c> fails on purpose;
/// <c>/agents/simple_gemini_agent</c> and <c>/agents/kimi_litellm_agent</c> are LLM-backed (see
/// <see cref="LlmAgentSettings"/>), also served at tau2-observe's paths <c>/a2a/{name}</c>.
/// Each agent has its card at <c>{agent}/.well-known/agent-card.json</c>.
/// </summary>
public static class MockAgentsApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.ListenByDefaultOn("http://127.0.0.1:5101");
        builder.AddServiceDefaults("tau2observe-mock-agents");
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(sp => new OracleTaskLookup(sp.GetRequiredService<IConfiguration>()["TAU2_DATA_DIR"]));
        builder.Services.AddSingleton<OracleConversations>();
        builder.Services.AddSingleton<OracleAgent>();
        builder.Services.AddSingleton(sp => new FaultyAgent(
            TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("MockAgents:SlowDelaySeconds", 330.0))));
        builder.Services.AddSingleton<LlmConversations>();
        builder.Services.AddSingleton(sp => new LlmClientFactory(logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<LlmClientFactory>()));

        var app = builder.Build();
        var publicBaseUrl = app.Configuration["PUBLIC_BASE_URL"];

        app.MapGet("/agents/oracle/.well-known/agent-card.json", (HttpRequest request) =>
            Results.Json(MockAgentCards.Oracle(AgentUrl(request, publicBaseUrl, "/agents/oracle")), A2AJson.Options));
        // routing also matches a trailing slash, which tau2-bench-agent's README uses
        app.MapPost("/agents/oracle", (HttpContext context, OracleAgent oracle) => MockRpc.HandleAsync(context, oracle.ReplyAsync));

        app.MapGet("/agents/faulty/{mode}/.well-known/agent-card.json", (HttpRequest request, string mode) =>
            FaultyAgent.IsMode(mode)
                ? Results.Json(MockAgentCards.Faulty(mode, AgentUrl(request, publicBaseUrl, $"/agents/faulty/{mode}")), A2AJson.Options)
                : Results.NotFound());
        app.MapPost("/agents/faulty/{mode}", (HttpContext context, FaultyAgent faulty, string mode) =>
            FaultyAgent.IsMode(mode) ? faulty.HandleAsync(context, mode) : NotFound(context));

        var llm = app.Services.GetRequiredService<LlmClientFactory>();
        var conversations = app.Services.GetRequiredService<LlmConversations>();
        foreach (var settings in new[] { LlmAgentSettings.SimpleGemini(app.Configuration), LlmAgentSettings.KimiLitellm(app.Configuration) })
        {
            var agent = new LlmAgent(settings, llm, conversations);
            foreach (var path in new[] { "/agents/" + settings.Name, "/a2a/" + settings.Name })
            {
                app.MapGet(path + "/.well-known/agent-card.json", (HttpRequest request) =>
                    Results.Json(MockAgentCards.Llm(settings, AgentUrl(request, publicBaseUrl, path)), A2AJson.Options));
                app.MapPost(path, (HttpContext context) => MockRpc.HandleAsync(context, agent.ReplyAsync));
            }
        }

        app.MapGet("/health", () => Results.Text("ok"));
        return app;
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>The card's <c>url</c>: the externally visible address when configured, else the one the caller used.</summary>
    private static string AgentUrl(HttpRequest request, string? publicBaseUrl, string path) =>
        (string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicBaseUrl.TrimEnd('/')) + path;
}
