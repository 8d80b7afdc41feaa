using System.CommandLine;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Commands;

/// <summary><c>tau2obs evaluate</c>: runs an evaluation on a cluster, or on an embedded single-node one.</summary>
public static class EvaluateCommand
{
    public const string ClusterEnvironmentVariable = "TAU2OBS_CLUSTER";

    public static Command Create(CliDependencies dependencies)
    {
        var domain = new Option<string>("--domain", "-d") { Description = "tau2 domain (e.g. airline, retail, mock, telecom)", Required = true };
        var agent = new Option<string>("--agent") { Description = "agent under test: an A2A URL, or 'oracle'", Required = true };
        var numTasks = new Option<int?>("--num-tasks") { Description = "keep the first N tasks (after split and id filter)", CustomParser = r => NumberArgument.Parse<int>(r) };
        var numTrials = new Option<int>("--num-trials") { Description = $"runs per task, 1 to {EvaluationLimits.LocalMaxTrials}", DefaultValueFactory = _ => 1, CustomParser = NumberArgument.Parse<int> };
        var taskIds = new Option<string[]>("--task-ids") { Description = "only these task ids", AllowMultipleArgumentsPerToken = true };
        var taskSplit = new Option<string>("--task-split") { Description = "task split", DefaultValueFactory = _ => "base" };
        var taskSet = new Option<string?>("--task-set") { Description = "alternative task file of the domain, where it has one" };
        var maxSteps = new Option<int>("--max-steps") { Description = "steps before max_steps", DefaultValueFactory = _ => 200, CustomParser = NumberArgument.Parse<int> };
        var maxErrors = new Option<int>("--max-errors") { Description = "tool errors before too_many_errors", DefaultValueFactory = _ => 10, CustomParser = NumberArgument.Parse<int> };
        var userModel = new Option<string?>("--user-model") { Description = "user simulator model (default: the scripted user)" };
        var seed = new Option<long>("--seed") { Description = "run seed (per-trial seeds derive from it as in tau2)", DefaultValueFactory = _ => 300, CustomParser = NumberArgument.Parse<long> };
        var turnLatency = new Option<int>("--turn-latency-ms") { Description = "simulated latency per turn of the built-in participants", DefaultValueFactory = _ => 0, CustomParser = NumberArgument.Parse<int> };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write the tau2 results file here" };
        var json = new Option<bool>("--json") { Description = "print one JSON summary object on stdout" };
        var evaluationId = new Option<string?>("--evaluation-id")
        {
            Description = "your id for the evaluation; on a cluster that already has it, the existing evaluation is followed instead of started twice (default: a new id)",
        };
        var corrections = GradingCorrectionsOption.Create();
        var solo = new Option<bool>("--solo") { Description = "tau2's solo mode (mock, telecom): the agent works alone with both toolkits, no user simulator" };
        var cluster = new Option<string?>("--cluster")
        {
            Description = $"cluster to use: localhost[:gatewayPort], host:gatewayPort or redis:<connection string> (default: ${ClusterEnvironmentVariable}, else an embedded single-node cluster)",
        };

        var command = new Command("evaluate", "Evaluate an agent on a tau2 domain")
        {
            domain, agent, numTasks, numTrials, taskIds, taskSplit, taskSet, maxSteps, maxErrors, userModel, seed, turnLatency, output, json, corrections, solo, cluster, evaluationId,
        };
        command.SetAction((parse, ct) =>
        {
            var request = new EvaluationRequest
            {
                Domain = parse.GetValue(domain)!,
                AgentEndpoint = parse.GetValue(agent)!,
                NumTasks = parse.GetValue(numTasks),
                NumTrials = parse.GetValue(numTrials),
                TaskIds = parse.GetValue(taskIds) is { Length: > 0 } ids ? ids : null,
                TaskSplit = parse.GetValue(taskSplit),
                TaskSet = parse.GetValue(taskSet),
                MaxSteps = parse.GetValue(maxSteps),
                MaxErrors = parse.GetValue(maxErrors),
                UserModel = parse.GetValue(userModel),
                Seed = parse.GetValue(seed),
                SimulatedTurnLatencyMs = parse.GetValue(turnLatency),
                Corrections = parse.GetValue(corrections) is { Length: > 0 } names ? names : null,
                SoloMode = parse.GetValue(solo),
            };
            var session = new EvaluationSession(
                dependencies,
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                parse.GetValue(json),
                parse.GetValue(output)?.FullName,
                parse.GetValue(cluster) ?? Environment.GetEnvironmentVariable(ClusterEnvironmentVariable),
                parse.GetValue(evaluationId));
            return session.RunAsync(request, ct);
        });
        return command;
    }
}
