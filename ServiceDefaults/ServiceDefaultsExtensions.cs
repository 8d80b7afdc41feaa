using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
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
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string TemporalityKey = "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE";
    private const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    // Orleans' application-level spans only: its runtime sources are very chatty (orleans.md pitfall 8)
    private const string OrleansApplicationSource = "Microsoft.Orleans.Application";
    private const string OrleansMeter = "Microsoft.Orleans";
    private const string LiveTag = "live";

    /// <summary>
    /// OpenTelemetry, exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the
    /// exporter's standard <c>OTEL_*</c> settings; the protocol defaults to <c>http/protobuf</c> and
    /// metrics to delta temporality, which the Datadog Agent prefers), and a liveness health check. Resource: <c>service.name</c> from
    /// <c>OTEL_SERVICE_NAME</c>, else <c>DD_SERVICE</c>, else <paramref name="defaultServiceName"/>
    /// (else the application name); <c>deployment.environment.name</c> from <c>DD_ENV</c> (default
    /// <c>dev</c>); <c>service.version</c> from <c>DD_VERSION</c>, else the entry assembly's version.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string? defaultServiceName = null) where TBuilder : IHostApplicationBuilder
    {
        var config = builder.Configuration;
        // defaults for the Datadog Agent's OTLP receiver: HTTP on 4318 (the .NET exporter would use gRPC) and delta sums
        if (string.IsNullOrWhiteSpace(config[ProtocolKey])) config[ProtocolKey] = "http/protobuf";
        if (string.IsNullOrWhiteSpace(config[TemporalityKey])) config[TemporalityKey] = "delta";

        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var owner = new TelemetryOwner();
        builder.Services.AddSingleton(owner);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => ConfigureResource(r, config, defaultServiceName ?? builder.Environment.ApplicationName))
            .WithTracing(t => t
                .AddSource(Tau2Telemetry.SourceName, OrleansApplicationSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => ServedBy(context, owner) && !IsHealthRequest(context))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Tau2Telemetry.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (IsExportConfigured(config))
            telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>True when an OTLP endpoint is configured; without one nothing leaves the process.</summary>
    public static bool IsExportConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    /// <summary>The resource every Tau2Observe process reports, mapped by Datadog to service, env and version (spec §B).</summary>
    public static ResourceBuilder ConfigureResource(ResourceBuilder resource, IConfiguration config, string defaultServiceName)
    {
        string service = First(config["OTEL_SERVICE_NAME"], config["DD_SERVICE"]) ?? defaultServiceName;
        string version = First(config["DD_VERSION"])
            ?? Assembly.GetEntryAssembly()?.GetName().Version?.ToString()
            ?? typeof(Tau2Telemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        resource.AddService(service, serviceVersion: version);
        // an explicit OTEL_RESOURCE_ATTRIBUTES entry wins over DD_ENV
        if (config["OTEL_RESOURCE_ATTRIBUTES"]?.Contains("deployment.environment", StringComparison.Ordinal) != true)
            resource.AddAttributes([new("deployment.environment.name", First(config["DD_ENV"]) ?? "dev")]);
        return resource;
    }

    /// <summary><c>/health</c> (every check) and <c>/alive</c> (liveness only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static bool ServedBy(HttpContext context, TelemetryOwner owner) =>
        ReferenceEquals(context.RequestServices?.GetService<TelemetryOwner>(), owner);

    private static bool IsHealthRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");
}
