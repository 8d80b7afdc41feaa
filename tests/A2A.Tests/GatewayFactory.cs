using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Gateway;

namespace Tau2Observe.A2A.Tests;

/// <summary>The gateway in memory (no Orleans), backed by an <see cref="InMemoryEvaluationService"/>.</summary>
// any public type of the Gateway assembly identifies its entry point
public sealed class GatewayFactory : WebApplicationFactory<GatewayOptions>
{
    /// <summary>The cluster stand-in; two factories given the same one are two gateways on one cluster.</summary>
    public InMemoryEvaluationService Evaluations { get; init; } = new();

    public double SendWaitSeconds { get; init; } = 5;
    public double HeartbeatSeconds { get; init; } = 15;
    public int RateLimitPerMinute { get; init; }

    /// <summary>More configuration, e.g. <c>Gateway:ApiKeys:0</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Gateway:Clustering", "none");
        builder.UseSetting("Gateway:SendWaitSeconds", SendWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:HeartbeatSeconds", HeartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:MaxTasks", "30");
        // the agent URLs here are never called (the evaluation service is in memory); the probe is tested end to end
        builder.UseSetting("Gateway:ProbeAgentEndpoint", "false");
        builder.UseSetting("Gateway:MaxTrials", "4");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // the tests' agents live on loopback; rate limits get their own tests
        builder.UseSetting("Gateway:AgentEndpoints:AllowLoopback", "true");
        builder.UseSetting("Gateway:RateLimitPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEvaluationService>(Evaluations);
            services.AddSingleton(new DomainCatalog(["airline", "mock", "retail", "telecom"], name => name == "mock" ? 9 : null));
        });
    }
}
