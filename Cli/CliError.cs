namespace Tau2Observe.Cli;

/// <summary>A failure reported as one <c>error: ...</c> line, with its exit code.</summary>
public sealed class CliError(string message, int exitCode = CliError.BadInput) : Exception(message)
{
    /// <summary>The command line or its inputs are wrong (unknown domain, missing data, ...).</summary>
    public const int BadInput = 2;

    public int ExitCode { get; } = exitCode;
}
