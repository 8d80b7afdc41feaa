using System.Collections.Concurrent;
using System.Diagnostics;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.Distributed.Tests;

/// <summary>
/// One of the product's hosts (Silo, Gateway) started as its own <c>dotnet</c> process from its
/// build output, configured by environment variables, and ready once <c>/health</c> answers 200.
/// <see cref="Kill"/> ends it abruptly by PID (no shutdown, like a crash); dispose does the same.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(string name, Process process, Uri baseUrl)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
    }

    public string Name { get; }
    public Uri BaseUrl { get; }
    public int Pid => _process.Id;

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string RecentOutput => string.Join("\n", _output.TakeLast(40));

    /// <param name="project">Silo or Gateway.</param>
    public static async Task<HostProcess> StartAsync(string project, string name, IReadOnlyDictionary<string, string> environment)
    {
        string dll = RepositoryPaths.HostAssembly(project);
        int httpPort = FreeLoopbackPorts.Take(1)[0];
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        // nothing inherited may point the host elsewhere (a collector, a cluster, a port)
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("Tau2Observe__", StringComparison.Ordinal) || k.StartsWith("Gateway__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["TAU2_DATA_DIR"] = RepositoryPaths.SharedData;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Tau2Observe"] = "Information";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var host = new HostProcess(name, process, new Uri($"http://127.0.0.1:{httpPort}"));
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Ends the process at once by its PID, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{RecentOutput}");
            try
            {
                using var response = await Http.GetAsync(new Uri(BaseUrl, "/health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not healthy after {timeout.TotalSeconds} s:\n{RecentOutput}");
            await Task.Delay(200);
        }
    }
}
