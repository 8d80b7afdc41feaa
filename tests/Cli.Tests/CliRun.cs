using Tau2Observe.Cli;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

/// <summary>The outcome of one in-process <c>tau2obs</c> invocation.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Invokes the root command in-process with the toy domain registered (and the shared tau2 data).</summary>
    public static Task<CliRun> InvokeAsync(params string[] args) =>
        InvokeAsync(new CliDependencies { CreateDomains = TestDomains.CreateRegistry }, args);

    public static async Task<CliRun> InvokeAsync(CliDependencies dependencies, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = await CliApp.RunAsync(args, dependencies, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Invokes the root command in-process; <paramref name="stop"/> stands for Ctrl+C. Output goes to the writers given.</summary>
    public static async Task<CliRun> InvokeAsync(StringWriter stdout, StringWriter stderr, CancellationToken stop, params string[] args)
    {
        int exit = await CliApp.InvokeAsync(args, new CliDependencies { CreateDomains = TestDomains.CreateRegistry }, stdout, stderr, stop);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
