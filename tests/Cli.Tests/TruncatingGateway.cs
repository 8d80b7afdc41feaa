using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// A stand-in gateway on a free loopback port whose <c>message/stream</c> answers break off: the
/// task event of an evaluation of two simulations, one finished simulation, and then the stream
/// closes without the final status update (as when a gateway dies mid-evaluation).
/// </summary>
public sealed class TruncatingGateway : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Base { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/a2a/tau2_agent", async (HttpContext http) =>
        {
            string id = "eval-" + Guid.NewGuid().ToString("N")[..24];
            http.Response.ContentType = "text/event-stream";
            await Event(http, $$$"""{"kind":"task","id":"{{{id}}}","contextId":"c","status":{"state":"submitted"},"metadata":{"tau2.total_simulations":2}}""");
            await Event(http, $$$"""
                {"kind":"status-update","taskId":"{{{id}}}","contextId":"c","final":false,"status":{"state":"working"},
                 "metadata":{"tau2.current_task_id":"0","tau2.current_trial":1,"tau2.termination_reason":"user_stop","tau2.turns":5,"tau2.duration_seconds":0.2}}
                """.ReplaceLineEndings(""));
        });
        await _app.StartAsync();
        Base = new Uri(_app.Urls.First());
    }

    private static async Task Event(HttpContext http, string json)
    {
        string result = $$$"""{"jsonrpc":"2.0","id":"1","result":{{{json}}}}""";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {result}\n\n"));
        await http.Response.Body.FlushAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
