using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.ServiceDefaults;

/// <summary>What every Tau2Observe host shares: OpenTelemetry tracing, metrics and logs, and health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    // Orleans' application-level spans only: its runtime sources are very chatty (orleans.md pitfall 8)
    private const string OrleansApplicationSource = "Microsoft.Orleans.Application";
    private const string OrleansMeter = "Microsoft.Orleans";
    private const string LiveTag = "live";

    /// <summary>
    /// OpenTelemetry (exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and a
    /// liveness health check. Service name: the application name.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(t => t
                .AddSource(Tau2Telemetry.SourceName, OrleansApplicationSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthRequest(context))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Tau2Telemetry.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary><c>/health</c> (every check) and <c>/alive</c> (liveness only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    private static bool IsHealthRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");
}
