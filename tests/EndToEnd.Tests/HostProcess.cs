using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// One host (Silo, Gateway, MockAgents, or the CLI) run as its own process with <c>dotnet &lt;dll&gt;</c>.
/// Its output is kept for diagnostics; the HTTP address is read from ASP.NET Core's
/// "Now listening on:" line (the hosts are started with <c>--urls http://127.0.0.1:0</c>).
/// Disposing kills it (and any child) by its process id.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>Everything the process printed so far (stdout and stderr, interleaved).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>What the process printed on stdout only (complete once it has exited).</summary>
    public string StandardOutput => string.Join('\n', _stdout);

    public static HostProcess Start(string name, string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // the content root: appsettings.json is found here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // nothing of the test runner's own telemetry or URL settings leaks into the hosts
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT", "TAU2OBS_CLUSTER" }) info.Environment.Remove(key);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, name);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null) host._stdout.Enqueue(e.Data);
            host.OnLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The base URL the host listens on, once it says so; fails early if it exits first.</summary>
    public async Task<string> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_listening.Task, _exited.Task, Task.Delay(timeout));
        if (done == _listening.Task) return await _listening.Task;
        throw new InvalidOperationException(done == _exited.Task
            ? $"{Name} exited (code {ExitCodeOrNull()}) before listening:\n{Output}"
            : $"{Name} did not listen within {timeout}:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (e.g. the CLI) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // drains the redirected output
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not finish within {timeout}:\n{Output}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // already gone
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2000) _output.TryDequeue(out _);
        if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(m.Groups[1].Value);
    }

    private int? ExitCodeOrNull() => _process.HasExited ? _process.ExitCode : null;

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex ListeningLine();
}
