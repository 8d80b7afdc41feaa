namespace Tau2Observe.Cli.Traffic;

/// <summary><c>normal</c>: N tasks × T trials; <c>failure</c>: task ids that tend to score low (a2a.md §5.5).</summary>
public enum TrafficMode
{
    Normal,
    Failure,
}
