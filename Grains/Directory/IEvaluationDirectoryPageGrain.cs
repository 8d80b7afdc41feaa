using Orleans.Concurrency;

namespace Tau2Observe.Grains.Directory;

/// <summary>
/// A fixed-size page of the evaluation directory (key <see cref="Interfaces.GrainKeys.DirectoryPage"/>);
/// only the <see cref="EvaluationDirectoryGrain"/> calls it.
/// </summary>
[Alias("tau2obs.IEvaluationDirectoryPageGrain")]
public interface IEvaluationDirectoryPageGrain : IGrainWithStringKey
{
    [Alias("Append")] Task<DirectoryPageAppend> Append(DirectoryEntry entry);

    [Alias("Contains"), ReadOnly] Task<bool> Contains(string evaluationId);

    /// <summary>The page's evaluation ids, the most recently registered first.</summary>
    [Alias("NewestFirst"), ReadOnly] Task<IReadOnlyList<string>> NewestFirst();

    /// <summary>Replaces the page's entries (oldest first, at most a page): the migration from the old format.</summary>
    [Alias("Fill")] Task Fill(IReadOnlyList<DirectoryEntry> entries);
}
