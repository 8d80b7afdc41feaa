namespace Tau2Observe.Engine.Data;

/// <summary>The domains this engine knows, each created lazily and cached for the data directory.</summary>
public sealed class DomainRegistry(TauDataDirectory data)
{
    private readonly Dictionary<string, Lazy<IDomain>> _domains = new(StringComparer.Ordinal)
    {
        // each domain registers itself here: ["name"] = new(() => new XDomain(data)),
        ["airline"] = new(() => new Domains.Airline.AirlineDomain(data)),
        ["telecom"] = new(() => new Domains.Telecom.TelecomDomain(data, Domains.Telecom.TelecomVariant.Manual)),
        ["telecom-workflow"] = new(() => new Domains.Telecom.TelecomDomain(data, Domains.Telecom.TelecomVariant.Workflow)),
        ["retail"] = new(() => new Domains.Retail.RetailDomain(data)),
        ["mock"] = new(() => new Domains.Mock.MockDomain(data)),
    };

    public TauDataDirectory Data { get; } = data;

    public IReadOnlyCollection<string> Names => _domains.Keys;

    public IDomain Get(string name) =>
        _domains.TryGetValue(name, out var d)
            ? d.Value
            : throw new UnknownDomainException(name, _domains.Keys);

    public bool Contains(string name) => _domains.ContainsKey(name);

    /// <summary>
    /// Adds a domain (or replaces one of the same name), e.g. a test-only domain. Register while
    /// setting up, before the registry is shared: lookups are not synchronised with registration.
    /// </summary>
    public DomainRegistry Register(string name, Func<IDomain> factory)
    {
        _domains[name] = new Lazy<IDomain>(factory);
        return this;
    }
}
