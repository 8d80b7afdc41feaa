namespace Tau2Observe.Grains.Directory;

/// <summary>One known evaluation in the <see cref="EvaluationDirectoryGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.DirectoryEntry")]
public sealed record DirectoryEntry([property: Id(0)] string EvaluationId, [property: Id(1)] DateTimeOffset CreatedAt);
