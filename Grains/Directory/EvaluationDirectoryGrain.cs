using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Directory;

/// <summary>The list of known evaluations (key <see cref="GrainKeys.Directory"/>), newest first.</summary>
public sealed class EvaluationDirectoryGrain(
    [PersistentState("directory", GrainStorage.Name)] IPersistentState<EvaluationDirectoryState> state) : Grain, IEvaluationDirectoryGrain
{
    public async Task Register(string evaluationId, DateTimeOffset createdAt)
    {
        var entries = state.State.Entries;
        if (entries.Exists(e => e.EvaluationId == evaluationId)) return;
        int at = entries.FindIndex(e => e.CreatedAt < createdAt);
        entries.Insert(at < 0 ? entries.Count : at, new DirectoryEntry(evaluationId, createdAt));
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> List(int limit = 100) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Entries.Take(Math.Max(0, limit)).Select(e => e.EvaluationId).ToList());
}
