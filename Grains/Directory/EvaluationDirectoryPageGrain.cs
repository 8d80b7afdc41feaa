namespace Tau2Observe.Grains.Directory;

/// <summary>
/// Up to <see cref="Capacity"/> directory entries in registration order. Bounded so that a registration
/// writes one page of at most this size, however many evaluations the directory knows.
/// </summary>
public sealed class EvaluationDirectoryPageGrain(
    [PersistentState("directory-page", GrainStorage.Name)] IPersistentState<EvaluationDirectoryPageState> state) : Grain, IEvaluationDirectoryPageGrain
{
    public const int Capacity = 100;

    private List<DirectoryEntry> Entries => state.State.Entries;

    public async Task<DirectoryPageAppend> Append(DirectoryEntry entry)
    {
        if (Listed(entry.EvaluationId)) return DirectoryPageAppend.AlreadyListed;
        if (Entries.Count >= Capacity) return DirectoryPageAppend.Full;
        Entries.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Entries.RemoveAt(Entries.Count - 1); // not stored, so not listed: the caller's retry adds it
            throw;
        }
        return DirectoryPageAppend.Added;
    }

    public Task<bool> Contains(string evaluationId) => Task.FromResult(Listed(evaluationId));

    public Task<IReadOnlyList<string>> NewestFirst() =>
        Task.FromResult<IReadOnlyList<string>>(Entries.Select(e => e.EvaluationId).Reverse().ToList());

    public async Task Fill(IReadOnlyList<DirectoryEntry> entries)
    {
        if (entries.Count > Capacity) throw new ArgumentException($"A directory page holds at most {Capacity} entries, not {entries.Count}.");
        state.State.Entries = [.. entries];
        await state.WriteStateAsync();
    }

    private bool Listed(string evaluationId) => Entries.Exists(e => e.EvaluationId == evaluationId);
}
