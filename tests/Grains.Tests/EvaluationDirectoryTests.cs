using Tau2Observe.Grains.Directory;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

/// <summary>The evaluation directory: a counter grain over fixed-size pages. Each test uses a directory of its own.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvaluationDirectoryTests(ClusterFixture fixture)
{
    private const int PageSize = EvaluationDirectoryPageGrain.Capacity;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IGrainFactory _grains = fixture.Grains;
    private readonly string _key = $"directory-test-{Guid.NewGuid():N}";

    private IEvaluationDirectoryGrain Directory => _grains.GetGrain<IEvaluationDirectoryGrain>(_key);

    [Fact]
    public async Task Lists_the_most_recently_registered_first_up_to_the_limit()
    {
        await RegisterAsync(Ids(3));

        Assert.Equal(["e2", "e1", "e0"], await Directory.List());
        Assert.Equal(["e2", "e1"], await Directory.List(2));
        Assert.Empty(await Directory.List(0));
        Assert.Empty(await _grains.GetGrain<IEvaluationDirectoryGrain>($"empty-{Guid.NewGuid():N}").List());
    }

    [Fact]
    public async Task Registrations_fill_pages_and_the_list_walks_them_newest_first()
    {
        var ids = Ids(2 * PageSize + PageSize / 2);
        await RegisterAsync(ids);

        Assert.Equal(Enumerable.Reverse(ids), await Directory.List(1000));
        Assert.Equal(Enumerable.Reverse(ids).Take(PageSize + 7), await Directory.List(PageSize + 7));
        Assert.Equal(Enumerable.Reverse(ids).Take(100), await Directory.List());
    }

    [Fact]
    public async Task A_registration_writes_one_bounded_page_and_the_root_keeps_only_a_counter()
    {
        var ids = Ids(2 * PageSize + PageSize / 2);
        await RegisterAsync(ids);

        var root = await ReadAsync<EvaluationDirectoryState>("directory", Directory.GetGrainId());
        Assert.Empty(root.Entries);
        Assert.Equal(2, root.CurrentPage);
        var pages = new List<EvaluationDirectoryPageState>();
        for (int page = 0; page <= root.CurrentPage; page++)
            pages.Add(await ReadAsync<EvaluationDirectoryPageState>("directory-page", PageId(page)));
        Assert.Equal([PageSize, PageSize, PageSize / 2], pages.Select(p => p.Entries.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.Entries).Select(e => e.EvaluationId));
        Assert.Null(await fixture.StoredStateAsync<EvaluationDirectoryPageState>("directory-page", PageId(root.CurrentPage + 1)));
    }

    [Fact]
    public async Task A_repeated_registration_is_listed_once_also_across_a_page_boundary()
    {
        var ids = Ids(PageSize + 3);
        await RegisterAsync(ids);

        await Directory.Register("e101", Epoch);        // on the current page
        await Directory.Register("e60", Epoch);         // on the full page before it
        await Directory.Register($"e{PageSize + 3}", Epoch); // new

        var listed = await Directory.List(1000);
        Assert.Equal(ids.Count + 1, listed.Count);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal($"e{PageSize + 3}", listed[0]);
    }

    [Fact]
    public async Task A_directory_stored_in_the_old_single_list_format_moves_into_pages_on_activation()
    {
        // the old format: every entry in the root's state, newest first
        var oldEntries = Enumerable.Range(0, 2 * PageSize + 30).Reverse().Select(i => new DirectoryEntry($"old{i}", Epoch.AddMinutes(i))).ToList();
        var planted = new GrainState<EvaluationDirectoryState>(new EvaluationDirectoryState { Entries = oldEntries });
        await fixture.Storage.WriteStateAsync("directory", Directory.GetGrainId(), planted);

        Assert.Equal(oldEntries.Select(e => e.EvaluationId), await Directory.List(1000));

        var root = await ReadAsync<EvaluationDirectoryState>("directory", Directory.GetGrainId());
        Assert.Empty(root.Entries);
        Assert.Equal(2, root.CurrentPage);
        var newestPage = await ReadAsync<EvaluationDirectoryPageState>("directory-page", PageId(2));
        Assert.Equal(30, newestPage.Entries.Count);
        Assert.Equal(oldEntries[0], newestPage.Entries[^1]); // created-at kept

        // it carries on as a paged directory: new registrations go first, old ones stay unique
        await Directory.Register("new", Epoch.AddDays(1));
        await Directory.Register("old229", Epoch);
        Assert.Equal(["new", "old229", "old228"], await Directory.List(3));
        Assert.Equal(oldEntries.Count + 1, (await Directory.List(1000)).Count);
    }

    private static List<string> Ids(int count) => Enumerable.Range(0, count).Select(i => $"e{i}").ToList();

    private async Task RegisterAsync(IEnumerable<string> ids)
    {
        int minute = 0;
        foreach (var id in ids) await Directory.Register(id, Epoch.AddMinutes(minute++));
    }

    private GrainId PageId(int page) => _grains.GetGrain<IEvaluationDirectoryPageGrain>(GrainKeys.DirectoryPage(_key, page)).GetGrainId();

    private async Task<T> ReadAsync<T>(string stateName, GrainId grainId) where T : class, new() =>
        await fixture.StoredStateAsync<T>(stateName, grainId) ?? throw new Xunit.Sdk.XunitException($"no stored {stateName} state for {grainId}");
}
