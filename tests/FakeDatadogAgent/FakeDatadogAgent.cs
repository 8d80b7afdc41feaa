using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>
/// Stands in for a Datadog Agent with OTLP ingest on: an OTLP/HTTP receiver on 127.0.0.1 (free port)
/// that accepts <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> as protobuf (optionally
/// gzip), decodes traces and metrics and keeps them for assertions. Anything it cannot decode is
/// answered 400 and counted in <see cref="Rejected"/>, as the real receiver would refuse it.
/// </summary>
public sealed class FakeDatadogAgent : IAsyncDisposable
{
    private const string Protobuf = "application/x-protobuf";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly List<ReceivedMetricPoint> _points = [];
    private readonly List<string> _rejected = [];
    private int _logBatches;

    private FakeDatadogAgent(WebApplication app) => _app = app;

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<ReceivedSpan> Spans { get { lock (_gate) return _spans.ToList(); } }
    public IReadOnlyList<ReceivedMetricPoint> MetricPoints { get { lock (_gate) return _points.ToList(); } }
    public IReadOnlyList<string> Rejected { get { lock (_gate) return _rejected.ToList(); } }
    public int LogBatches { get { lock (_gate) return _logBatches; } }

    public static async Task<FakeDatadogAgent> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var agent = new FakeDatadogAgent(builder.Build());
        agent._app.MapPost("/v1/traces", (HttpContext http) => agent.ReceiveAsync(http, body => agent.Add(OtlpDecoder.Spans(body).ToList(), [])));
        agent._app.MapPost("/v1/metrics", (HttpContext http) => agent.ReceiveAsync(http, body => agent.Add([], OtlpDecoder.MetricPoints(body).ToList())));
        agent._app.MapPost("/v1/logs", (HttpContext http) => agent.ReceiveAsync(http, _ => { lock (agent._gate) agent._logBatches++; }));
        await agent._app.StartAsync();
        agent.Endpoint = agent._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return agent;
    }

    /// <summary>Waits (polling, up to <paramref name="timeout"/>) until <paramref name="condition"/> holds; false if it never did.</summary>
    public async Task<bool> WaitUntilAsync(Func<FakeDatadogAgent, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Add(List<ReceivedSpan> spans, List<ReceivedMetricPoint> points)
    {
        lock (_gate)
        {
            _spans.AddRange(spans);
            _points.AddRange(points);
        }
    }

    private async Task ReceiveAsync(HttpContext http, Action<byte[]> decode)
    {
        string path = http.Request.Path;
        if (http.Request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) != true)
        {
            Reject(http, path, $"content type {http.Request.ContentType}");
            return;
        }
        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Request);
            decode(body);
        }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or InvalidDataException)
        {
            Reject(http, path, e.Message);
            return;
        }
        http.Response.ContentType = Protobuf; // an empty Export*ServiceResponse: everything accepted
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private void Reject(HttpContext http, string path, string why)
    {
        lock (_gate) _rejected.Add($"{path}: {why}");
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        Stream source = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await using (source) await source.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
