namespace Tau2Observe.Engine.Data;

/// <summary>The domains this engine knows, each created lazily and cached for the data directory.</summary>
public sealed class DomainRegistry(TauDataDirectory data)
{
    private readonly Dictionary<string, Lazy<IDomain>> _domains = new(StringComparer.Ordinal)
    {
        // each domain registers itself here: ["name"] = new(() => new XDomain(data)),
        ["airline"] = new(() => new Domains.Airline.AirlineDomain(data)),
    };

    public TauDataDirectory Data { get; } = data;

    public IReadOnlyCollection<string> Names => _domains.Keys;

    public IDomain Get(string name) =>
        _domains.TryGetValue(name, out var d)
            ? d.Value
            : throw new UnknownDomainException(name, _domains.Keys);

    public bool Contains(string name) => _domains.ContainsKey(name);
}
