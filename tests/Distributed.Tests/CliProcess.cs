using System.Diagnostics;

namespace Tau2Observe.Distributed.Tests;

/// <summary>One run of the built <c>tau2obs</c> as its own process.</summary>
public sealed record CliProcess(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliProcess> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.HostAssembly("Cli", "tau2obs"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["TAU2_DATA_DIR"] = RepositoryPaths.SharedData;
        start.Environment.Remove("TAU2OBS_CLUSTER");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tau2obs did not finish within 2 minutes: " + await stderr);
        }
        return new CliProcess(process.ExitCode, await stdout, await stderr);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
