using Tau2Observe.Cli.Clusters;
using Tau2Observe.Cli.Output;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Commands;

/// <summary>One <c>evaluate</c> run: connect, start, follow progress, report, and choose the exit code.</summary>
public sealed class EvaluationSession(
    CliDependencies dependencies, TextWriter stdout, TextWriter stderr, bool json, string? outputFile, string? cluster, string? evaluationId = null)
{
    /// <summary>Exit codes (README): 3 says the run finished but its scores lack the simulations the infrastructure failed.</summary>
    public const int Completed = 0, NotCompleted = 1, InfrastructureErrors = 3, Interrupted = 130;

    public async Task<int> RunAsync(EvaluationRequest request, CancellationToken ct)
    {
        try
        {
            // arguments the cluster would only reject per simulation, or after the run: check them first
            CheckAgent(request.AgentEndpoint);
            CheckSize(request);
            if (outputFile is not null) CheckWritable(outputFile);
            await using var connection = await ClusterConnections.OpenAsync(dependencies, cluster, request.Domain, ct);
            var grain = connection.Grains.GetGrain<IEvaluationGrain>(EvaluationId());
            var started = await StartAsync(grain, request);
            if (started.Request is { } existing && existing != request)
                stderr.WriteLine($"evaluation {started.EvaluationId} already exists: following it with the settings it was started with");
            stderr.WriteLine($"evaluation {started.EvaluationId}: {started.TaskIds.Count} tasks x {request.NumTrials} trials on '{request.Domain}' ({started.TotalTrials} simulations)");

            try
            {
                await new ProgressFollower(stderr).FollowAsync(grain, started, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await grain.Cancel();
                stderr.WriteLine("cancelled");
                return Interrupted;
            }

            var final = await grain.GetSnapshot();
            if (outputFile is not null)
            {
                await File.WriteAllTextAsync(outputFile, await grain.GetResultsJson(), CancellationToken.None);
                stderr.WriteLine($"results written to {outputFile}");
            }
            ReportErrors(final);
            if (json) SummaryJson.Write(stdout, final);
            else ResultsReport.Write(Consoles.For(stdout), final);
            return ExitCode(final);
        }
        catch (CliError e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // e.g. the cluster failed to activate the evaluation: one line, not a stack trace
            stderr.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return NotCompleted;
        }
    }

    private static async Task<EvaluationSnapshot> StartAsync(IEvaluationGrain grain, EvaluationRequest request)
    {
        try
        {
            return await grain.Start(request);
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message);
        }
    }

    private static void CheckAgent(string agent)
    {
        if (agent == DefaultParticipantResolver.Oracle) return;
        if (Uri.TryCreate(agent, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return;
        throw new CliError($"--agent: '{agent}' is neither an A2A URL (http:// or https://) nor '{DefaultParticipantResolver.Oracle}'");
    }

    /// <summary>The local limits (<see cref="EvaluationLimits.Local"/>): 100,000 trials would run for hours and mean nothing.</summary>
    private static void CheckSize(EvaluationRequest request)
    {
        var limits = EvaluationLimits.Local;
        var problem = (request.NumTasks is { } n ? limits.CheckNumTasks("--num-tasks", n) : null)
            ?? limits.CheckNumTrials("--num-trials", request.NumTrials)
            ?? (request.TaskIds is { } ids ? limits.CheckTaskIdCount("--task-ids", ids.Count) : null)
            ?? (request.MaxSteps < 1 ? $"--max-steps must be at least 1 (got {request.MaxSteps})." : null);
        if (problem is not null) throw new CliError(problem);
    }

    private static void CheckWritable(string path)
    {
        bool existed = File.Exists(path);
        try
        {
            // Append neither truncates an existing file nor writes to it
            using (new FileStream(path, FileMode.Append, FileAccess.Write)) { }
            if (!existed) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--output: cannot write '{path}': {e.Message}");
        }
    }

    private string EvaluationId()
    {
        if (evaluationId is null) return Guid.NewGuid().ToString("N");
        if (string.IsNullOrWhiteSpace(evaluationId) || evaluationId.Contains('/'))
            throw new CliError($"--evaluation-id: '{evaluationId}' must be non-empty and must not contain '/'");
        return evaluationId.Trim();
    }

    private int ExitCode(EvaluationSnapshot final)
    {
        if (final.Status != EvaluationStatus.Completed) return NotCompleted;
        int failed = final.Trials.Count(t => TerminationReason.IsInfrastructure(t.TerminationReason));
        if (failed == 0) return Completed;
        // a low reward is the agent's result; an infrastructure error means a simulation gave none
        stderr.WriteLine($"{failed} of {final.Trials.Count} simulation(s) ended in an infrastructure error: exit code {InfrastructureErrors}");
        return InfrastructureErrors;
    }

    private void ReportErrors(EvaluationSnapshot final)
    {
        const int shown = 5;
        var errors = final.Trials.Where(t => t.Error is not null).GroupBy(t => t.Error!).ToList();
        foreach (var group in errors.Take(shown))
            stderr.WriteLine($"{group.Count()} simulation(s) failed: {group.Key}");
        if (errors.Count > shown) stderr.WriteLine($"... and {errors.Count - shown} other error(s)");
    }
}
