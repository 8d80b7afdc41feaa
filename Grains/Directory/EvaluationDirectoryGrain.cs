using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Directory;

/// <summary>
/// The list of known evaluations (key <see cref="GrainKeys.Directory"/>), newest registered first.
/// It keeps only the number of the current page; the entries are in fixed-size
/// <see cref="EvaluationDirectoryPageGrain"/>s, so a registration writes one small page (and, once
/// per <see cref="EvaluationDirectoryPageGrain.Capacity"/> registrations, this grain's counter)
/// whatever the number of evaluations.
/// </summary>
public sealed class EvaluationDirectoryGrain(
    [PersistentState("directory", GrainStorage.Name)] IPersistentState<EvaluationDirectoryState> state) : Grain, IEvaluationDirectoryGrain
{
    private EvaluationDirectoryState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Entries.Count > 0) await MoveEntriesIntoPagesAsync();
    }

    public async Task Register(string evaluationId, DateTimeOffset createdAt)
    {
        // A repeated registration is a Start retried moments after the first one, so it is looked
        // for in the newest two pages only (at least the last page's worth of registrations), not
        // in the whole directory.
        if (S.CurrentPage > 0 && await Page(S.CurrentPage - 1).Contains(evaluationId)) return;
        var entry = new DirectoryEntry(evaluationId, createdAt);
        if (await Page(S.CurrentPage).Append(entry) != DirectoryPageAppend.Full) return;
        S.CurrentPage++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.CurrentPage--; // keep memory equal to storage; the caller's retry moves on again
            throw;
        }
        await Page(S.CurrentPage).Append(entry);
    }

    public async Task<IReadOnlyList<string>> List(int limit = 100)
    {
        var ids = new List<string>();
        for (int page = S.CurrentPage; page >= 0 && ids.Count < limit; page--)
            ids.AddRange((await Page(page).NewestFirst()).Take(limit - ids.Count));
        return ids;
    }

    /// <summary>
    /// The old format kept every entry, newest first, in this grain's state. Pages take them oldest
    /// first; filling a page replaces it, so a migration cut short is simply done again.
    /// </summary>
    private async Task MoveEntriesIntoPagesAsync()
    {
        var pages = Enumerable.Reverse(S.Entries).Chunk(EvaluationDirectoryPageGrain.Capacity).ToList();
        for (int page = 0; page < pages.Count; page++) await Page(page).Fill(pages[page]);
        S.CurrentPage = pages.Count - 1;
        S.Entries = [];
        await state.WriteStateAsync();
    }

    private IEvaluationDirectoryPageGrain Page(int page) =>
        GrainFactory.GetGrain<IEvaluationDirectoryPageGrain>(GrainKeys.DirectoryPage(this.GetPrimaryKeyString(), page));
}
