using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// A product host (gateway, mock agents) run as its own process on a free loopback port, the way it is
/// deployed. Stopping sends SIGTERM so the host shuts down cleanly and flushes its telemetry.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<HostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.HostAssembly(name));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (k, v) in environment) start.Environment[k] = v;

        var host = new HostProcess(Process.Start(start)!);
        host._process.OutputDataReceived += (_, e) => host.Read(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(host._listening.Task, host._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (ready != host._listening.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"{name} did not start listening:\n{host.Output}");
        }
        host.BaseAddress = host._listening.Task.Result;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
