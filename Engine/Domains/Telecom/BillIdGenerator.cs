namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// Ids for draft bills created by a one-time charge (customers without a draft bill). The reference
/// draws them from a random UUID (<c>B</c> + 8 lower-case hex digits), which breaks replay; here
/// each environment draws from its own seeded generator, so the same seed gives the same ids and a
/// replay of a trajectory reproduces the ids the original run showed.
/// </summary>
public sealed class BillIdGenerator(int seed)
{
    /// <summary>The seed environments use unless the caller chooses one.</summary>
    public const int DefaultSeed = 0x7E1EC0;

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>The next id in this generator's sequence, skipping ids the predicate reports as taken.</summary>
    public string Next(Func<string, bool>? taken = null)
    {
        Span<byte> bytes = stackalloc byte[4];
        while (true)
        {
            _random.NextBytes(bytes);
            string id = "B" + Convert.ToHexStringLower(bytes);
            if (taken is null || !taken(id)) return id;
        }
    }
}
