using System.CommandLine;
using Tau2Observe.Datadog.Commands;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Tests;

/// <summary>Runs <c>datadog ...</c> the way tau2obs will, under a root command, capturing stdout and stderr together.</summary>
internal static class CommandRunner
{
    /// <summary>The repository's deploy/datadog, found from the test binaries upwards.</summary>
    public static string DeployDirectoryPath { get; } =
        DeployDirectory.Locate(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("deploy/datadog not found above the test binaries");

    public static async Task<(int ExitCode, string Output)> RunAsync(DatadogSettings settings, params string[] args)
    {
        var root = new RootCommand("test host");
        root.Subcommands.Add(DatadogCommand.Create(() => settings));
        var output = new StringWriter();
        int exitCode = await root.Parse(["datadog", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }
}
