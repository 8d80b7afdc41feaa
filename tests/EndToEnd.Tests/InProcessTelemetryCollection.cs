namespace Tau2Observe.EndToEnd.Tests;

/// <summary>
/// Tests that export this process's own spans and metrics run alone: an OpenTelemetry provider in
/// the test process also sees the activities of every other test running beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessTelemetryCollection
{
    public const string Name = "in-process telemetry";
}
