using Tau2Observe.Engine.Simulation;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>The default VPN profile: shared within an environment as in the reference, never between environments.</summary>
public class TelecomVpnTests
{
    private const string ExcellentDetails =
        "VPN is ON and connected. Details: {'server_address': '192.168.1.1', 'protocol': 'OpenVPN', 'server_performance': <PerformanceLevel.EXCELLENT: 'excellent'>}";
    private const string PoorDetails =
        "VPN is ON and connected. Details: {'server_address': '192.168.1.1', 'protocol': 'OpenVPN', 'server_performance': <PerformanceLevel.POOR: 'poor'>}";

    [Fact]
    public void Within_an_environment_a_reconnect_after_break_vpn_attaches_the_degraded_profile()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Setup(Roles.User, "break_vpn");
        Assert.Equal(PoorDetails, env.Phone("check_vpn_status"));
        Assert.Equal("Speed Test Result: 22.00 Mbps (Fair). Connection is okay for web browsing and some standard definition streaming.", env.Phone("run_speed_test"));

        Assert.StartsWith("VPN disconnected successfully.", env.Phone("disconnect_vpn"));
        Assert.Equal("Speed Test Result: 220.00 Mbps (Excellent). Connection is very fast.", env.Phone("run_speed_test"));
        Assert.StartsWith("VPN connected successfully.", env.Phone("connect_vpn"));
        Assert.Equal(PoorDetails, env.Phone("check_vpn_status"));
        Assert.Equal("Speed Test Result: 22.00 Mbps (Fair). Connection is okay for web browsing and some standard definition streaming.", env.Phone("run_speed_test"));
    }

    [Fact]
    public void Breaking_the_vpn_in_one_environment_does_not_leak_into_another()
    {
        var broken = Fresh();
        broken.Setup(Roles.User, "break_vpn");
        Assert.Equal(PoorDetails, broken.Phone("check_vpn_status"));

        var other = Fresh();
        Assert.StartsWith("VPN connected successfully.", other.Phone("connect_vpn"));
        Assert.Equal(ExcellentDetails, other.Phone("check_vpn_status"));
        Assert.Equal("Speed Test Result: 220.00 Mbps (Excellent). Connection is very fast.", other.Phone("run_speed_test"));

        // nor through a second domain instance's environments
        var workflow = Workflow.CreateEnvironment();
        workflow.Phone("connect_vpn");
        Assert.Equal(ExcellentDetails, workflow.Phone("check_vpn_status"));
    }

    [Fact]
    public void Vpn_status_texts()
    {
        var env = Fresh();
        Assert.Equal("VPN is turned OFF.", env.Phone("check_vpn_status"));
        Assert.Equal("No active VPN connection to disconnect.\nStatus Bar: \U0001F4F6\u00B3 Good | 5G | \U0001F4F1 Data Enabled | \U0001F50B 80%", env.Phone("disconnect_vpn"));
        Assert.Equal("VPN connected successfully.\nStatus Bar: \U0001F4F6\u00B3 Good | 5G | \U0001F4F1 Data Enabled | \U0001F512 VPN Connected | \U0001F50B 80%", env.Phone("connect_vpn"));
        Assert.Equal("VPN already connected.", env.Phone("connect_vpn"));
        Assert.Equal("Airplane Mode is now ON.\nStatus Bar: \u2708\uFE0F Airplane Mode | \U0001F50B 80%", env.Phone("toggle_airplane_mode"));
        Assert.Equal("VPN is turned OFF.", env.Phone("check_vpn_status"));
    }
}
