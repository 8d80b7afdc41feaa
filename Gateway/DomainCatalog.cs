using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Data;

namespace Tau2Observe.Gateway;

/// <summary>
/// The domains the gateway can vouch for, from the engine's registry when <c>TAU2_DATA_DIR</c> is
/// set. Without data the gateway cannot check domain names itself and leaves that to the cluster.
/// </summary>
public sealed class DomainCatalog
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["airline"] = "Airline customer service: flights, bookings, changes, cancellations",
        ["retail"] = "Retail customer service: orders, returns, exchanges",
        ["telecom"] = "Telecom support: technical issues, billing, with user-side device actions",
        ["telecom-workflow"] = "Telecom support following a workflow policy",
        ["mock"] = "Simple task-management domain for development and tests",
    };

    private readonly Lazy<IReadOnlyList<DomainInfo>>? _domains;

    /// <param name="names">Null when unknown.</param>
    /// <param name="countTasks">Number of tasks of a domain, or null when they cannot be loaded.</param>
    public DomainCatalog(IReadOnlyList<string>? names, Func<string, int?> countTasks)
    {
        Names = names;
        if (names is not null)
            _domains = new(() => names.Select(n => new DomainInfo(n, Descriptions.GetValueOrDefault(n, n + " domain"), countTasks(n))).ToList());
    }

    /// <summary>Known domain names, or null when the gateway has no data to know them.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>Domains with descriptions and task counts (tasks are loaded on first use), or null when unknown.</summary>
    public IReadOnlyList<DomainInfo>? Domains => _domains?.Value;

    public static DomainCatalog FromDataDirectory(string? dataDir)
    {
        if (string.IsNullOrWhiteSpace(dataDir)) return new DomainCatalog(null, _ => null);
        var registry = new DomainRegistry(new TauDataDirectory(dataDir));
        return new DomainCatalog(registry.Names.Order(StringComparer.Ordinal).ToList(), name => CountTasks(registry, name));
    }

    /// <summary>Rejects a domain the catalog does not list (-32602), naming the ones it does.</summary>
    public void Check(string domain)
    {
        if (Names is null || Names.Contains(domain)) return;
        throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
            $"Unknown domain '{QuotedValue.Of(domain)}'. Known domains: {(Names.Count == 0 ? "none" : string.Join(", ", Names))}.");
    }

    private static int? CountTasks(DomainRegistry registry, string name)
    {
        try
        {
            return registry.Get(name).LoadTasks(split: null).Count;
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
