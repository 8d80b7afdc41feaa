using System.CommandLine;
using Tau2Observe.Cli.Commands;
using Tau2Observe.Datadog.Commands;

namespace Tau2Observe.Cli;

/// <summary>The <c>tau2obs</c> command line.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(CliDependencies dependencies)
    {
        var datadog = DatadogCommand.Create();
        datadog.Subcommands.Add(DatadogEmitCommand.Create(dependencies)); // emit needs the cluster, which the Datadog library does not know
        return new("tau2obs: run tau2-bench evaluations of conversational agents on an Orleans cluster")
        {
            EvaluateCommand.Create(dependencies),
            ConformanceCommand.Create(dependencies),
            RegradeCommand.Create(dependencies),
            LoadTestCommand.Create(dependencies),
            TrafficCommand.Create(),
            datadog,
        };
    }

    /// <summary>
    /// How long a command may take to end after Ctrl+C: cancelling evaluations, printing what it has
    /// and stopping the embedded silo. A second Ctrl+C ends it at once.
    /// </summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs one command in this process, with Ctrl+C and SIGTERM handled by <see cref="InterruptSignals"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliDependencies dependencies, TextWriter? output = null, TextWriter? error = null)
    {
        using var signals = InterruptSignals.Listen(StopTimeout);
        var invocation = InvokeAsync(args, dependencies, output ?? Console.Out, error ?? Console.Error, signals.Token);
        return await Task.WhenAny(invocation, signals.GivenUp) == invocation ? await invocation : await signals.GivenUp;
    }

    /// <summary>Runs one command; <paramref name="stop"/> is what Ctrl+C cancels.</summary>
    public static Task<int> InvokeAsync(string[] args, CliDependencies dependencies, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null, // the caller handles the signals
        };
        var parse = CreateRootCommand(dependencies).Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // README: bad arguments exit 2, with one error line
            error.WriteLine($"error: {parse.Errors[0].Message}");
            return Task.FromResult(CliError.BadInput);
        }
        return parse.InvokeAsync(configuration, stop);
    }
}
