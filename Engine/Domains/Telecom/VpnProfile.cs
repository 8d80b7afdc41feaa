using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The phone's default VPN profile. In the reference it is one object shared by every phone in the
/// process: <c>connect_vpn</c> attaches it by reference and <c>break_vpn</c> degrades it in place,
/// so every later connect in the process sees a poor VPN. Here each environment owns one profile:
/// within an environment the object is shared exactly as in the reference (a reconnect after
/// <c>break_vpn</c> attaches the degraded profile again), but nothing leaks between environments.
/// </summary>
internal sealed class VpnProfile
{
    /// <summary>The shared details object that <c>connect_vpn</c> attaches (never copied).</summary>
    public PyRecord Details { get; } = TelecomUserSchemas.VpnDetails.Validate(new PyDict
    {
        ["server_address"] = "192.168.1.1",
        ["protocol"] = "OpenVPN",
        ["server_performance"] = "excellent",
    });
}
