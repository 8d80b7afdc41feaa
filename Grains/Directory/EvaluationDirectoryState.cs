namespace Tau2Observe.Grains.Directory;

/// <summary>The persisted state of the <see cref="EvaluationDirectoryGrain"/>: entries newest first.</summary>
[GenerateSerializer, Alias("tau2obs.EvaluationDirectoryState")]
public sealed class EvaluationDirectoryState
{
    [Id(0)] public List<DirectoryEntry> Entries { get; set; } = [];
}
