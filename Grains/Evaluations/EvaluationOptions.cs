namespace Tau2Observe.Grains.Evaluations;

/// <summary>How evaluation activations live (configuration section <c>Tau2Observe:Evaluations</c>).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Tau2Observe:Evaluations";

    /// <summary>
    /// A finished evaluation that nobody watches any more leaves memory this long afterwards, rather
    /// than at idle collection. The wait lets a watcher's closing calls (Orleans' enumerator dispose,
    /// the follower's last snapshot) reach this activation instead of activating a new one.
    /// </summary>
    public TimeSpan DeactivateFinishedAfter { get; set; } = TimeSpan.FromSeconds(5);
}
