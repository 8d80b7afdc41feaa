using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Tau2Observe.Cli.Tests;

/// <summary>Ctrl+C asks the command to stop and report; a second Ctrl+C ends the process at once; a command that does not stop is given up.</summary>
public sealed class InterruptSignalsTests
{
    private readonly ConcurrentQueue<int> _exits = new();

    [Fact]
    public void The_first_ctrl_c_cancels_the_command_and_keeps_the_process()
    {
        using var signals = new InterruptSignals(TimeSpan.FromMinutes(1), _exits.Enqueue);
        var ctrlC = new PosixSignalContext(PosixSignal.SIGINT);

        signals.Handle(ctrlC);

        Assert.True(signals.Token.IsCancellationRequested);
        Assert.True(ctrlC.Cancel); // the runtime does not end the process
        Assert.Empty(_exits);
        Assert.False(signals.GivenUp.IsCompleted);
    }

    [Fact]
    public void A_second_ctrl_c_ends_the_process_at_once_with_130()
    {
        using var signals = new InterruptSignals(TimeSpan.FromMinutes(1), _exits.Enqueue);

        signals.Handle(new PosixSignalContext(PosixSignal.SIGINT));
        signals.Handle(new PosixSignalContext(PosixSignal.SIGINT));

        Assert.Equal([130], _exits);
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT, 130)]
    [InlineData(PosixSignal.SIGTERM, 143)]
    public async Task A_command_still_running_after_the_timeout_is_given_up_with_the_signals_exit_code(PosixSignal signal, int exitCode)
    {
        using var signals = new InterruptSignals(TimeSpan.FromMilliseconds(50), _exits.Enqueue);

        signals.Handle(new PosixSignalContext(signal));

        Assert.Equal(exitCode, await signals.GivenUp.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(_exits); // given up by returning the code, not by ending the process
    }
}
