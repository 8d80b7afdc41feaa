using System.Diagnostics;
using System.Text;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// Runs the node scripts in <c>tests/Interop</c> (the official A2A JS SDK). Installs their
/// packages with <c>npm ci</c> on first use if <c>.ci/run</c> has not; every run is bounded in time.
/// </summary>
public static class NodeInterop
{
    private static readonly Lazy<string> Dir = new(Find);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    public static string Directory => Dir.Value;

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_installed || File.Exists(Path.Combine(Directory, "node_modules", "@a2a-js", "sdk", "package.json"))) { _installed = true; return; }
            var (code, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"npm ci in {Directory} failed ({code}):\n{stdout}\n{stderr}");
            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs <c>node script args...</c> to completion.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> NodeAsync(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        await EnsureInstalledAsync();
        return await RunAsync("node", [script, .. args], timeout);
    }

    /// <summary>Starts a long-running node script and waits for its <c>LISTENING url</c> line.</summary>
    public static async Task<(Process Process, string Url)> StartAsync(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        await EnsureInstalledAsync();
        var process = Process.Start(Info("node", [script, .. args]))!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal)) return (process, line["LISTENING ".Length..].Trim());
        }
        catch (OperationCanceledException)
        {
            // fall through to the failure below
        }
        Stop(process);
        lock (stderr) throw new Xunit.Sdk.XunitException($"node {script} did not start within {timeout}:\n{stderr}");
    }

    public static void Stop(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
        process.WaitForExit(10_000);
        process.Dispose();
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        using var process = Process.Start(Info(file, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo Info(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Interop");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Interop (the A2A JS SDK interop scripts) not found above " + AppContext.BaseDirectory);
    }
}
