using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Telemetry;
using Tau2Observe.ServiceDefaults;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// Replays stored evaluations through the same recorders the silo uses (<see cref="TrialMetrics"/> per
/// simulation, <see cref="EvaluationTelemetry"/> per evaluation), so backfilled points have exactly the
/// live names, types and tags. Points carry the time of the re-emission, as the seed's emitter did.
/// </summary>
public sealed class StoredEvaluationEmitter : IDisposable
{
    private static readonly string[] ResourceSettings = ["OTEL_SERVICE_NAME", "DD_SERVICE", "DD_ENV", "DD_VERSION", "OTEL_RESOURCE_ATTRIBUTES"];
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    private readonly MeterProvider? _exporter;
    private readonly DryRunMetricPrinter? _printer;

    private StoredEvaluationEmitter(MeterProvider? exporter, DryRunMetricPrinter? printer) => (_exporter, _printer) = (exporter, printer);

    /// <summary>An emitter that exports to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (OTLP/HTTP, delta), or only prints in a dry run.</summary>
    public static StoredEvaluationEmitter Create(Func<string, string?> environment, bool dryRun, TextWriter stdout)
    {
        if (dryRun) return new StoredEvaluationEmitter(null, new DryRunMetricPrinter(stdout));
        var endpoint = environment(ServiceDefaultsExtensions.OtlpEndpointKey);
        if (string.IsNullOrWhiteSpace(endpoint))
            throw new CliError($"set {ServiceDefaultsExtensions.OtlpEndpointKey} to the Datadog Agent's OTLP/HTTP receiver (e.g. http://localhost:4318), or use --dry-run");
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new CliError($"{ServiceDefaultsExtensions.OtlpEndpointKey} must be an http:// or https:// URL");
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(ResourceSettings.Select(k => KeyValuePair.Create(k, environment(k))))
            .Build();
        var provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => ServiceDefaultsExtensions.ConfigureResource(r, settings, "tau2obs"))
            .AddMeter(Tau2Telemetry.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = new Uri(baseUri.ToString().TrimEnd('/') + "/v1/metrics");
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Delta;
            })
            .Build();
        return new StoredEvaluationEmitter(provider, null);
    }

    /// <param name="ids">The evaluations to emit; null for every one in the directory (at most <paramref name="limit"/>).</param>
    /// <returns>The exit code: 0 when everything asked for was emitted.</returns>
    public async Task<int> EmitAsync(IGrainFactory grains, IReadOnlyList<string>? ids, int limit, TextWriter stderr, CancellationToken ct)
    {
        bool named = ids is not null;
        ids ??= await grains.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List(limit);
        if (ids.Count == 0)
        {
            stderr.WriteLine("error: the cluster stores no evaluations");
            return 1;
        }
        int problems = 0;
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            var grain = grains.GetGrain<IEvaluationGrain>(id);
            var snapshot = await grain.GetSnapshot();
            if (snapshot.Request is not { } request || snapshot.Summary is not { } summary)
            {
                stderr.WriteLine($"error: no evaluation '{id}' in the cluster");
                problems++;
                continue;
            }
            if (snapshot.Status != EvaluationStatus.Completed)
            {
                // as in the seed, only finished evaluations are emitted
                stderr.WriteLine($"skipped {id}: it is {snapshot.Status.ToString().ToLowerInvariant()}, not completed");
                if (named) problems++;
                continue;
            }
            var results = PyJson.Parse(await grain.GetResultsJson()) as PyDict;
            var simulations = (results?.GetOrDefault("simulations") as List<object?> ?? []).OfType<PyDict>().ToList();
            foreach (var simulation in simulations)
                TrialMetrics.Record(SimulationRun.FromPy(simulation), request.Domain, id, request.AgentEndpoint);
            EvaluationTelemetry.RecordMetrics(id, request, summary, snapshot.Trials);
            stderr.WriteLine($"{(_printer is null ? "emitted" : "would emit")} {id}: {simulations.Count} simulations on '{request.Domain}'");
        }
        if (_exporter is not null && !_exporter.ForceFlush((int)FlushTimeout.TotalMilliseconds))
        {
            stderr.WriteLine("error: the OTLP endpoint did not accept the metrics (is the Agent's OTLP receiver on?)");
            return 1;
        }
        return problems == 0 ? 0 : 1;
    }

    public void Dispose()
    {
        _exporter?.Dispose();
        _printer?.Dispose();
    }
}
