using Microsoft.AspNetCore.Builder;
using Tau2Observe.MockAgents;

namespace Tau2Observe.A2A.Tests;

/// <summary>The MockAgents host on a free loopback port, for the life of a test class.</summary>
public sealed class MockAgentsServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Agent(string path) => new(BaseAddress, path);

    public async Task InitializeAsync()
    {
        _app = MockAgentsApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--TAU2_DATA_DIR", SharedData.DataDir,
            "--MockAgents:SlowDelaySeconds", "30",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
