namespace Tau2Observe.Grains.Trials;

/// <summary>How trials are driven and guarded (configuration section <c>Tau2Observe:Trials</c>).</summary>
public sealed class TrialOptions
{
    public const string Section = "Tau2Observe:Trials";

    /// <summary>
    /// Period of the evaluation's durable reminder, which starts its unfinished trials again (on another
    /// silo, after a crash). Orleans' minimum is one minute; a shorter value lowers that minimum (meant for tests).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A run with no completed turn for this long is stopped as an infrastructure error; zero turns the watchdog off.</summary>
    public TimeSpan WatchdogTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times a run that failed for infrastructure reasons (watchdog, exception) is retried from its last checkpoint.</summary>
    public int MaxInfrastructureRetries { get; set; } = 2;

    /// <summary>Per-turn latency of the built-in participants for requests that set none (e.g. from the gateway), in milliseconds.</summary>
    public int SimulatedTurnLatencyMs { get; set; }
}
