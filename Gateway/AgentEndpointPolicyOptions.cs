namespace Tau2Observe.Gateway;

/// <summary>
/// Which agent endpoints an evaluation may call (configuration section <c>Gateway:AgentEndpoints</c>),
/// so the cluster cannot be pointed at internal services unless an operator says so.
/// </summary>
public sealed class AgentEndpointPolicyOptions
{
    public const string Section = "Gateway:AgentEndpoints";

    /// <summary>URL schemes accepted; empty means http and https (a default list here would be added to, not replaced, by configuration).</summary>
    public List<string> AllowedSchemes { get; set; } = [];

    /// <summary>When not empty, only these hosts (exact, or <c>*.example.com</c> for subdomains); listed hosts are trusted, whatever they resolve to.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Hosts always refused (same patterns as <see cref="AllowedHosts"/>).</summary>
    public List<string> DeniedHosts { get; set; } = [];

    /// <summary>Loopback addresses (127.0.0.0/8, ::1, <c>localhost</c>). Off in code; the shipped appsettings.json turns it on for the single-machine layout.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Private, link-local (incl. cloud metadata 169.254.169.254), carrier-grade NAT, unique-local and unspecified addresses.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
