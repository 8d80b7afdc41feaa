using System.Runtime.InteropServices;

namespace Tau2Observe.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM while a command runs. The first signal asks the command to stop:
/// <see cref="Token"/> is cancelled, and the command cancels what it started and says what it has
/// (exit code 130). A second signal ends the process at once. A command still running
/// <c>timeout</c> after the first signal is given up (<see cref="GivenUp"/>).
/// </summary>
/// <remarks>
/// System.CommandLine's own handling cannot do the second part: it blocks every signal until the
/// command ends or its timeout passes, so a second Ctrl+C changed nothing.
/// </remarks>
public sealed class InterruptSignals : IDisposable
{
    public const int SigIntExitCode = 130, SigTermExitCode = 143;

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _givenUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _timeout;
    private readonly Action<int> _exit;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    /// <param name="timeout">How long the command may take to end after the first signal.</param>
    /// <param name="exit">Ends the process with an exit code (tests record it instead).</param>
    public InterruptSignals(TimeSpan timeout, Action<int> exit)
    {
        _timeout = timeout;
        _exit = exit;
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Completes with the exit code when the command has not ended within the timeout of the first signal.</summary>
    public Task<int> GivenUp => _givenUp.Task;

    /// <summary>Handles this process's SIGINT and SIGTERM until disposed.</summary>
    public static InterruptSignals Listen(TimeSpan timeout)
    {
        var signals = new InterruptSignals(timeout, Environment.Exit);
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle));
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle));
        return signals;
    }

    public void Handle(PosixSignalContext context)
    {
        // the runtime's default would end the process now: this class decides when it ends
        context.Cancel = true;
        int exitCode = context.Signal == PosixSignal.SIGTERM ? SigTermExitCode : SigIntExitCode;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            _exit(exitCode);
            return;
        }
        _stop.Cancel();
        _ = GiveUpLaterAsync(exitCode);
    }

    private async Task GiveUpLaterAsync(int exitCode)
    {
        await Task.Delay(_timeout, CancellationToken.None);
        _givenUp.TrySetResult(exitCode);
    }

    /// <remarks>The token source is left undisposed: a signal already being handled may still cancel it.</remarks>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
