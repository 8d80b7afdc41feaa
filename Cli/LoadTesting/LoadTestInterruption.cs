namespace Tau2Observe.Cli.LoadTesting;

/// <summary>A load test stopped by Ctrl+C: in which phase, and how long that phase had run.</summary>
public sealed record LoadTestInterruption(string Phase, double AfterSeconds)
{
    /// <summary>Stopped before the measured run began: nothing was measured.</summary>
    public const string WarmUp = "warm-up";
    public const string Measurement = "measurement";

    public bool NothingMeasured => Phase == WarmUp;
}
