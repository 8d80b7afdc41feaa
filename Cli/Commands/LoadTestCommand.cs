using System.CommandLine;
using System.Diagnostics;
using Tau2Observe.Cli.Clusters;
using Tau2Observe.Cli.LoadTesting;
using Tau2Observe.Cli.Output;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// <c>tau2obs loadtest</c>: drives evaluation grains (or, with <c>--gateway</c>, the gateway's A2A
/// endpoint) with the oracle agent and the scripted user (simulated per-turn latency) and reports
/// throughput, concurrency, latency and silo resources. Ctrl+C cancels the evaluations it started
/// and prints the report of what was measured until then, marked as interrupted (exit code 130).
/// </summary>
public static class LoadTestCommand
{
    public static Command Create(CliDependencies dependencies)
    {
        var domain = new Option<string>("--domain", "-d") { Description = "tau2 domain", DefaultValueFactory = _ => "airline" };
        var simulations = new Option<int>("--simulations", "-n") { Description = "simulations to launch, rounded up to whole evaluations (--tasks-per-evaluation × --trials-per-evaluation each)", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "simulations in flight at most", DefaultValueFactory = _ => 100 };
        var tasks = new Option<int>("--tasks-per-evaluation") { Description = "tasks of each evaluation the test launches", DefaultValueFactory = _ => 10 };
        var trials = new Option<int>("--trials-per-evaluation") { Description = $"trials per task of each evaluation (1 to {EvaluationLimits.LocalMaxTrials})", DefaultValueFactory = _ => 1 };
        var latency = new Option<int>("--turn-latency-ms") { Description = "simulated latency of every agent and user turn", DefaultValueFactory = _ => 1500 };
        var duration = new Option<double>("--duration") { Description = "seconds after which no more simulations are launched", DefaultValueFactory = _ => 600 };
        var warmUp = new Option<double>("--warm-up")
        {
            Description = "seconds of the same load, unmeasured, before the measured run (the JIT needs a minute or more under load to optimize)",
            DefaultValueFactory = _ => 0,
        };
        var drain = new Option<double>("--drain-timeout") { Description = "seconds the simulations in flight may take to finish afterwards; the rest are cancelled", DefaultValueFactory = _ => 300 };
        var seed = new Option<long>("--seed") { Description = "run seed of the evaluations", DefaultValueFactory = _ => 300 };
        var json = new Option<bool>("--json") { Description = "print one JSON report object on stdout" };
        var cluster = new Option<string?>("--cluster") { Description = "cluster to drive (as for evaluate; default: an embedded single-node silo); with --gateway, only read for the silos' managed memory" };
        var siloPids = new Option<int[]>("--silo-pid") { Description = "process ids of the cluster's silos, for their CPU and resident memory", AllowMultipleArgumentsPerToken = true };
        var gateway = new Option<string?>("--gateway") { Description = $"drive the gateway at this base URL over A2A (message/stream; {GatewayRpcUrl.Path} is appended) instead of the grains" };
        var requestTimeout = new Option<double>("--request-timeout") { Description = "with --gateway: seconds a stream may stay silent (no event) before its evaluation counts as failed", DefaultValueFactory = _ => 300 };

        var command = new Command("loadtest", "Load-test the cluster with simulated participants")
        {
            domain, simulations, concurrency, tasks, trials, latency, duration, warmUp, drain, seed, json, cluster, siloPids, gateway, requestTimeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            return await CommandExit.RunAsync(stderr, async () =>
            {
                var settings = new LoadTestSettings
                {
                    Domain = parse.GetValue(domain)!,
                    Simulations = parse.GetValue(simulations),
                    Concurrency = parse.GetValue(concurrency),
                    TasksPerEvaluation = parse.GetValue(tasks),
                    TrialsPerEvaluation = parse.GetValue(trials),
                    TurnLatency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                    Duration = Seconds(parse.GetValue(duration), "--duration"),
                    WarmUp = parse.GetValue(warmUp) is var w && double.IsFinite(w) && w >= 0 ? TimeSpan.FromSeconds(w) : throw new CliError("--warm-up must be 0 or a positive number of seconds"),
                    DrainTimeout = Seconds(parse.GetValue(drain), "--drain-timeout"),
                    Seed = parse.GetValue(seed),
                };
                settings.Validate();
                var address = parse.GetValue(cluster) ?? Environment.GetEnvironmentVariable(EvaluateCommand.ClusterEnvironmentVariable);
                bool embedded = string.IsNullOrWhiteSpace(address);
                var pids = parse.GetValue(siloPids) ?? [];
                var gatewayUrl = parse.GetValue(gateway) is { } g ? GatewayRpcUrl.Parse(g) : null;
                if (gatewayUrl is null && embedded && pids.Length > 0) throw new CliError("--silo-pid needs --cluster: the embedded silo is this process");
                var silence = Seconds(parse.GetValue(requestTimeout), "--request-timeout");

                // through the gateway, an Orleans client is opened only to read the silos' memory, and only when asked for
                await using var connection = gatewayUrl is not null && embedded ? null : await ClusterConnections.OpenAsync(dependencies, address, settings.Domain, ct);
                IReadOnlyList<Process> processes = gatewayUrl is null && embedded ? [Process.GetCurrentProcess()] : pids.Select(SiloProcess).ToList();
                await using IEvaluationDriver driver = gatewayUrl is not null
                    ? new GatewayEvaluationDriver(settings, gatewayUrl, silence, GatewayApiKey.FromEnvironment())
                    : new GrainEvaluationDriver(settings, connection!.Grains);
                var runner = new LoadTestRunner(settings, driver, new SiloResourceSampler(connection?.Grains, processes));
                string target = gatewayUrl is not null ? $"the gateway at {gatewayUrl}" : embedded ? "an embedded silo" : $"the cluster at {address}";
                long evaluations = settings.EvaluationsToLaunch;
                stderr.WriteLine($"loadtest: up to {evaluations * settings.SimulationsPerEvaluation} simulations ({evaluations} evaluations of {settings.SimulationsPerEvaluation}) " +
                                 $"on '{settings.Domain}' through {target}, at most {settings.Concurrency} in flight, " +
                                 $"{settings.TurnLatency.TotalMilliseconds:0} ms per turn, launching for at most {settings.Duration.TotalSeconds:0} s" +
                                 (settings.WarmUp > TimeSpan.Zero ? $" after {settings.WarmUp.TotalSeconds:0} s of unmeasured warm-up" : ""));
                var report = await LoadTestProgress.RunAsync(runner, stderr, ct);
                if (parse.GetValue(json)) stdout.WriteLine(report.ToJson().ToJsonString(LoadTestOutput.Indented));
                else LoadTestOutput.Write(Consoles.For(stdout), report);
                if (report.Interruption is not null) return EvaluationSession.Interrupted;
                // a lost simulation is a failed measurement too (the cluster went away, or the drain timed out)
                return report.Errors == 0 && report.Totals.Lost == 0 ? 0 : 1;
            }, ct);
        });
        return command;
    }

    private static TimeSpan Seconds(double value, string name) =>
        double.IsFinite(value) && value > 0 ? TimeSpan.FromSeconds(value) : throw new CliError($"{name} must be a positive number of seconds");

    private static Process SiloProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            throw new CliError($"--silo-pid: no process {pid}");
        }
    }
}
