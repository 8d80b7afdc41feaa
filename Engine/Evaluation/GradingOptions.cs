namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// Switches for the reference's grading defects (docs/fidelity.md). The default (<see cref="Tau2"/>)
/// grades exactly as tau2 does; each switch turns on the corrected behaviour for one defect.
/// Switches are named on the command line and in evaluation requests by the names in <see cref="Names"/>.
/// </summary>
public sealed record GradingOptions
{
    /// <summary>Name of <see cref="StrictEmptyCriteria"/>.</summary>
    public const string EmptyCriteria = "empty-criteria";
    /// <summary>Name of <see cref="SkipFailingGoldActions"/>.</summary>
    public const string FailingGoldActions = "failing-gold-actions";
    /// <summary>Name of <see cref="CountInfrastructureErrorsAsFailures"/>.</summary>
    public const string InfrastructureErrors = "infrastructure-errors";
    /// <summary>Turns every correction on.</summary>
    public const string AllCorrections = "all";

    public static IReadOnlyList<string> Names { get; } = [EmptyCriteria, FailingGoldActions, InfrastructureErrors];

    /// <summary>tau2's own grading: no correction.</summary>
    public static GradingOptions Tau2 { get; } = new();

    /// <summary>
    /// tau2 gives 1.0 to any well-terminated run of a task whose reward basis has nothing to check
    /// (no criteria at all, or e.g. basis [DB, COMMUNICATE] with no actions, assertions or
    /// communicate_info). Corrected: such a run scores 0.0, with a note saying why.
    /// </summary>
    public bool StrictEmptyCriteria { get; init; }

    /// <summary>
    /// tau2 expects every gold action in ACTION checks, even one that fails on the gold environment
    /// itself (retail tasks 2, 3 and 4 look up product 6086499569, which the shipped DB lacks).
    /// Corrected: a gold action that raises on the gold environment is not required (its check is
    /// reported with reward 1.0 and listed in the action info).
    /// </summary>
    public bool SkipFailingGoldActions { get; init; }

    /// <summary>
    /// Upstream tau2 leaves infrastructure failures out of the metrics, which lowers n for their task
    /// and can lower K for every task. Corrected: they count as failed trials, so n stays the trial count.
    /// </summary>
    public bool CountInfrastructureErrorsAsFailures { get; init; }

    /// <summary>Options with the named corrections on; unknown names are an error listing the valid ones.</summary>
    public static GradingOptions FromNames(IEnumerable<string>? names)
    {
        var options = Tau2;
        foreach (var raw in names ?? [])
        {
            var name = raw.Trim().ToLowerInvariant();
            options = name switch
            {
                EmptyCriteria => options with { StrictEmptyCriteria = true },
                FailingGoldActions => options with { SkipFailingGoldActions = true },
                InfrastructureErrors => options with { CountInfrastructureErrorsAsFailures = true },
                AllCorrections => new GradingOptions { StrictEmptyCriteria = true, SkipFailingGoldActions = true, CountInfrastructureErrorsAsFailures = true },
                _ => throw new ArgumentException(
                    $"Unknown grading correction '{raw}'. Valid corrections: {string.Join(", ", Names)}, {AllCorrections}"),
            };
        }
        return options;
    }

    /// <summary>The names of the corrections that are on, in <see cref="Names"/> order.</summary>
    public IReadOnlyList<string> ToNames()
    {
        var names = new List<string>();
        if (StrictEmptyCriteria) names.Add(EmptyCriteria);
        if (SkipFailingGoldActions) names.Add(FailingGoldActions);
        if (CountInfrastructureErrorsAsFailures) names.Add(InfrastructureErrors);
        return names;
    }
}
