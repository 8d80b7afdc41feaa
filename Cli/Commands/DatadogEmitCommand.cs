using System.CommandLine;
using Tau2Observe.Cli.Clusters;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// <c>tau2obs datadog emit</c>: re-emits the <c>tau2.*</c> metrics of evaluations stored in a running
/// cluster (the seed's offline emitter), e.g. to backfill after the Agent was down. The metrics go over
/// OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, exactly as the silo records them.
/// </summary>
public static class DatadogEmitCommand
{
    public static Command Create(CliDependencies dependencies)
    {
        var ids = new Option<string[]>("--evaluation-id") { Description = "the evaluations to re-emit", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "every evaluation in the cluster's directory (newest first, at most --limit)" };
        var limit = new Option<int>("--limit") { Description = "with --all: how many evaluations at most", DefaultValueFactory = _ => 1000 };
        var dryRun = new Option<bool>("--dry-run") { Description = "print the metric points instead of sending them" };
        var cluster = new Option<string?>("--cluster")
        {
            Description = $"the cluster that stores the evaluations: localhost[:gatewayPort], host:gatewayPort or redis:<connection string> (default: ${EvaluateCommand.ClusterEnvironmentVariable})",
        };
        var command = new Command("emit", "Re-emit the tau2.* metrics of stored evaluations over OTLP (backfill)") { ids, all, limit, dryRun, cluster };
        command.Validators.Add(result =>
        {
            bool hasIds = result.GetValue(ids) is { Length: > 0 };
            if (hasIds == result.GetValue(all)) result.AddError("give either --evaluation-id ID... or --all");
        });
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                if (parse.GetValue(limit) <= 0) throw new CliError("--limit must be greater than 0");
                var address = parse.GetValue(cluster) ?? dependencies.GetEnvironmentVariable(EvaluateCommand.ClusterEnvironmentVariable);
                if (string.IsNullOrWhiteSpace(address))
                    throw new CliError($"emit reads stored evaluations from a running cluster: pass --cluster or set {EvaluateCommand.ClusterEnvironmentVariable}");
                using var emitter = StoredEvaluationEmitter.Create(dependencies.GetEnvironmentVariable, parse.GetValue(dryRun), stdout);
                await using var connection = await RemoteCluster.ConnectAsync(ClusterAddress.Parse(address), ct);
                return await emitter.EmitAsync(connection.Grains, parse.GetValue(all) ? null : parse.GetValue(ids), parse.GetValue(limit), stderr, ct);
            }
            catch (CliError e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }
}
