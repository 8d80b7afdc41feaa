using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tau2Observe.Gateway;
using Tau2Observe.TestSupport;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>The real gateway (in a test server) in front of a running cluster, its logs captured.</summary>
// any public type of the Gateway assembly identifies its entry point
public sealed class ClusterGatewayFactory(IGrainFactory cluster, string dataDir, CapturedLogs logs) : WebApplicationFactory<GatewayOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Gateway:Clustering", "none");
        builder.UseSetting("TAU2_DATA_DIR", dataDir);
        builder.UseSetting("Gateway:SendWaitSeconds", "120");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton<IEvaluationService>(new ClusterEvaluationService(cluster, durable: false)));
    }
}
