namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// Why a simulation ended (wire values). The first six are tau2's (fork); the last two come from
/// newer tau2: infrastructure failures and cancellations are recorded, never scored as agent failures.
/// </summary>
public static class TerminationReason
{
    public const string UserStop = "user_stop";
    public const string AgentStop = "agent_stop";
    public const string MaxSteps = "max_steps";
    public const string TooManyErrors = "too_many_errors";
    public const string AgentError = "agent_error";
    public const string UserError = "user_error";
    public const string InfrastructureError = "infrastructure_error";
    public const string Cancelled = "cancelled";

    /// <summary>Only these are graded; every other reason scores 0 (tau2-engine §6.1).</summary>
    public static bool IsEvaluable(string reason) => reason is UserStop or AgentStop;

    /// <summary>Excluded from metrics (pass^k denominators), as upstream tau2 does for infrastructure errors.</summary>
    public static bool IsInfrastructure(string reason) => reason is InfrastructureError or Cancelled;
}
