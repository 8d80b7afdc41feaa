namespace Tau2Observe.Grains.Directory;

/// <summary>
/// The persisted state of the <see cref="EvaluationDirectoryGrain"/>: which page registrations go to.
/// The entries themselves live in <see cref="EvaluationDirectoryPageGrain"/>s.
/// </summary>
[GenerateSerializer, Alias("tau2obs.EvaluationDirectoryState")]
public sealed class EvaluationDirectoryState
{
    /// <summary>The old format, every entry newest first in this one state; moved into pages on activation, then empty.</summary>
    [Id(0)] public List<DirectoryEntry> Entries { get; set; } = [];

    /// <summary>The page new registrations go to; pages 0 to this one are in use, 0 the oldest.</summary>
    [Id(1)] public int CurrentPage { get; set; }
}
