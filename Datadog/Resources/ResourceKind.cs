namespace Tau2Observe.Datadog.Resources;

/// <summary>The kinds of Datadog resource kept under deploy/datadog, one folder each.</summary>
public enum ResourceKind
{
    CaseProject,
    Monitor,
    Slo,
    Dashboard,
}
