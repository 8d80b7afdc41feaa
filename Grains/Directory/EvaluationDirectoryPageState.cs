namespace Tau2Observe.Grains.Directory;

/// <summary>The persisted state of an <see cref="EvaluationDirectoryPageGrain"/>: its entries in registration order.</summary>
[GenerateSerializer, Alias("tau2obs.EvaluationDirectoryPageState")]
public sealed class EvaluationDirectoryPageState
{
    [Id(0)] public List<DirectoryEntry> Entries { get; set; } = [];
}
