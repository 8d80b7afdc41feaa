using Tau2Observe.Cli.Commands;

namespace Tau2Observe.Cli.Tests;

/// <summary>How <c>loadtest</c> and <c>traffic</c> end on a usage error and on Ctrl+C.</summary>
public sealed class CommandExitTests
{
    [Fact]
    public async Task Ctrl_c_is_cancelled_and_exit_code_130()
    {
        using var ctrlC = new CancellationTokenSource();
        var stderr = new StringWriter();

        int code = await CommandExit.RunAsync(stderr, async () =>
        {
            await ctrlC.CancelAsync();
            ctrlC.Token.ThrowIfCancellationRequested();
            return 0;
        }, ctrlC.Token);

        Assert.Equal(130, code);
        Assert.Equal("cancelled", stderr.ToString().Trim());
    }

    [Fact]
    public async Task A_usage_error_is_one_line_and_its_own_exit_code()
    {
        var stderr = new StringWriter();

        int code = await CommandExit.RunAsync(stderr, () => throw new CliError("--count must be greater than 0"), CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Equal("error: --count must be greater than 0", stderr.ToString().Trim());
    }

    [Fact]
    public async Task A_cancellation_that_is_not_ctrl_c_is_not_swallowed()
    {
        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            CommandExit.RunAsync(new StringWriter(), () => throw new TaskCanceledException("a timeout"), CancellationToken.None));
    }
}
