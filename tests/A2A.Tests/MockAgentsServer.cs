using Microsoft.AspNetCore.Builder;
using Tau2Observe.MockAgents;

namespace Tau2Observe.A2A.Tests;

/// <summary>The MockAgents host on a free loopback port, for the life of a test class (or of one test, with <see cref="StartAsync"/>).</summary>
public sealed class MockAgentsServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Agent(string path) => new(BaseAddress, path);

    /// <summary>A server with extra configuration (command-line style: <c>--Key</c>, <c>value</c>, ...).</summary>
    public static async Task<MockAgentsServer> StartAsync(params string[] extraArgs)
    {
        var server = new MockAgentsServer();
        await server.StartWithAsync(extraArgs);
        return server;
    }

    public Task InitializeAsync() => StartWithAsync([]);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task StartWithAsync(string[] extraArgs)
    {
        _app = MockAgentsApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--TAU2_DATA_DIR", SharedData.DataDir,
            "--MockAgents:SlowDelaySeconds", "30",
            "--Logging:LogLevel:Default", "Warning",
            .. extraArgs,
        ]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }
}
