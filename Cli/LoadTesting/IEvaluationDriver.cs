namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// How a load test reaches the cluster: starts one evaluation and follows its simulations to the
/// end. <see cref="GrainEvaluationDriver"/> calls the evaluation grains through an Orleans client;
/// <see cref="GatewayEvaluationDriver"/> goes through the gateway's A2A endpoint over HTTP.
/// </summary>
public interface IEvaluationDriver : IAsyncDisposable
{
    /// <summary>What the report names as the driver: <c>grains</c> or <c>gateway</c>.</summary>
    string Name { get; }

    /// <summary>
    /// One evaluation without simulated latency before the clock starts, so that loading the
    /// domain's data and JIT compilation are not counted against the first simulations. Stopped
    /// by <paramref name="ct"/> (Ctrl+C), it cancels that evaluation and throws.
    /// </summary>
    Task WarmUpAsync(CancellationToken ct);

    /// <summary>
    /// Starts one evaluation and reports it to <paramref name="evaluation"/> until it ends. Failures
    /// are reported there, never thrown; <paramref name="stop"/> abandons the evaluation (end of the drain).
    /// </summary>
    Task RunAsync(LoadEvaluation evaluation, CancellationToken stop);

    /// <summary>Asks the cluster to cancel a started evaluation (drain timeout, or Ctrl+C); best effort, never throws, gives up after a few seconds.</summary>
    Task CancelAsync(LoadEvaluation evaluation);
}
