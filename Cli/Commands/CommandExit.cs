namespace Tau2Observe.Cli.Commands;

/// <summary>
/// The exit of a command that talks to a cluster or gateway: a <see cref="CliError"/> is one
/// <c>error:</c> line and its code, Ctrl+C is <c>cancelled</c> and <see cref="EvaluationSession.Interrupted"/>.
/// </summary>
public static class CommandExit
{
    public static async Task<int> RunAsync(TextWriter stderr, Func<Task<int>> body, CancellationToken ct)
    {
        try
        {
            return await body();
        }
        catch (CliError e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("cancelled");
            return EvaluationSession.Interrupted;
        }
    }
}
