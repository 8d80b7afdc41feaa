using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// Checks an <c>agent_endpoint</c> against <see cref="AgentEndpointPolicyOptions"/> before an
/// evaluation starts: scheme, host lists, and every address the host resolves to (so a public name
/// for an internal address is caught too). A refusal is a -32602 error that names the setting to
/// change. The check runs at submission; a host whose DNS later changes is not re-checked.
/// </summary>
public sealed class AgentEndpointPolicy(IOptions<AgentEndpointPolicyOptions> settings)
{
    private static readonly string[] DefaultSchemes = ["http", "https"];

    private readonly AgentEndpointPolicyOptions _options = settings.Value;

    /// <summary>Resolves host names; replaceable in tests.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    public async Task CheckAsync(string endpoint, CancellationToken ct)
    {
        if (endpoint == EvaluationParameters.OracleEndpoint) return;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw Refused("agent_endpoint is not an absolute URL.");
        IReadOnlyList<string> schemes = _options.AllowedSchemes.Count > 0 ? _options.AllowedSchemes : DefaultSchemes;
        if (!schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            throw Refused($"agent_endpoint scheme '{uri.Scheme}' is not allowed (allowed: {string.Join(", ", schemes)}; setting Gateway:AgentEndpoints:AllowedSchemes).");
        string host = uri.IdnHost.TrimEnd('.');
        if (Matches(_options.DeniedHosts, host))
            throw Refused($"agent_endpoint host '{host}' is denied (setting Gateway:AgentEndpoints:DeniedHosts).");
        if (_options.AllowedHosts.Count > 0)
        {
            if (Matches(_options.AllowedHosts, host)) return;
            throw Refused($"agent_endpoint host '{host}' is not in Gateway:AgentEndpoints:AllowedHosts.");
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Resolve(host, ct); }
            catch (SocketException) { addresses = []; }
            if (addresses.Length == 0) throw Refused($"agent_endpoint host '{host}' does not resolve.");
        }
        foreach (var address in addresses)
        {
            var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (IPAddress.IsLoopback(ip) && !_options.AllowLoopback)
                throw Refused($"agent_endpoint host '{host}' is a loopback address; set Gateway:AgentEndpoints:AllowLoopback to allow it.");
            if (!IPAddress.IsLoopback(ip) && IsPrivate(ip) && !_options.AllowPrivateNetworks)
                throw Refused($"agent_endpoint host '{host}' is a private or link-local address; set Gateway:AgentEndpoints:AllowPrivateNetworks to allow it.");
        }
    }

    /// <summary>RFC 1918, link-local, CGNAT (100.64/10), "this network" (0/8), IPv6 unique-local and link-local, unspecified.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    private static bool Matches(List<string> patterns, string host) => patterns.Any(p =>
        p.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(p[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(p.TrimEnd('.'), host, StringComparison.OrdinalIgnoreCase));

    private static JsonRpcException Refused(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
