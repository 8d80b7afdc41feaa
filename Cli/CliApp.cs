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

    public static Task<int> RunAsync(string[] args, CliDependencies dependencies, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Ctrl+C cancels the evaluation and stops the embedded silo: give that time to finish
            ProcessTerminationTimeout = TimeSpan.FromSeconds(20),
        };
        var parse = CreateRootCommand(dependencies).Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // README: bad arguments exit 2, with one error line
            configuration.Error.WriteLine($"error: {parse.Errors[0].Message}");
            return Task.FromResult(CliError.BadInput);
        }
        return parse.InvokeAsync(configuration);
    }
}
