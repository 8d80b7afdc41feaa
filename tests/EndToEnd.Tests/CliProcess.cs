using System.Text.Json.Nodes;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>Runs the built <c>tau2obs</c> as a process, as a user would.</summary>
public static class CliProcess
{
    /// <summary><c>tau2obs evaluate ... --json</c>: the summary object it prints on stdout.</summary>
    public static async Task<JsonObject> EvaluateJsonAsync(params string[] args)
    {
        await using var cli = HostProcess.Start("tau2obs", RepositoryLayout.HostDll("Cli", "tau2obs"), ["evaluate", .. args, "--json"],
            new Dictionary<string, string?> { ["TAU2_DATA_DIR"] = RepositoryLayout.DataDirectory });
        int exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"tau2obs exited {exit}:\n{cli.Output}");
        return JsonNode.Parse(cli.StandardOutput)!.AsObject();
    }
}
