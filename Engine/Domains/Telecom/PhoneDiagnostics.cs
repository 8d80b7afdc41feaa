using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Telecom.PyOps;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// What the phone can do in its current state (domain-telecom §3.5-3.7): mobile data, the speed
/// test and MMS. These read the surroundings live, so line roaming and data exhaustion (copied in
/// by sync) take effect without a network search.
/// </summary>
internal static class PhoneDiagnostics
{
    public static bool MobileDataWorking(PyRecord device, PyRecord surroundings)
    {
        if (PyValue.Truthy(device["airplane_mode"])) return false;
        if (PyEquality.Equals(device["network_signal_strength"], "none")) return false;
        if (PyEquality.Equals(device["network_connection_status"], "no_service")) return false;
        if (PyValue.Truthy(surroundings["is_abroad"])
            && (!PyValue.Truthy(device["roaming_enabled"]) || !PyValue.Truthy(surroundings["roaming_allowed"]))) return false;
        if (!PyValue.Truthy(device["data_enabled"])) return false;
        if (PyValue.Truthy(surroundings["mobile_data_usage_exceeded"])) return false;
        return true;
    }

    /// <summary>Speed in Mbps (null when data does not work) and its description.</summary>
    public static (double? Speed, string Description) SpeedTest(PyRecord device, PyRecord surroundings)
    {
        if (!MobileDataWorking(device, surroundings)) return (null, "No Connection");
        double factor = 1.0;
        var vpn = device["vpn_details"];
        if (PyValue.Truthy(device["vpn_connected"]) && vpn is not null && PyEquality.Equals(Attr(vpn, "server_performance"), "poor"))
            factor *= 0.1;
        if (PyValue.Truthy(device["data_saver_mode"])) factor *= 0.2;
        var (min, max) = device["network_technology_connected"] switch
        {
            "2G" => (0.1, 0.4),
            "3G" => (1.0, 5.0),
            "4G" => (10.0, 100.0),
            "5G" => (50.0, 500.0),
            _ => (0.0, 0.0),
        };
        double signalFactor = device["network_signal_strength"] switch
        {
            "poor" => 0.2,
            "fair" => 0.5,
            "good" => 0.8,
            "excellent" => 1.0,
            _ => 0.0,
        };
        double speed = PyFloat.Round((min + max) / 2 * signalFactor * factor, 2);
        string description = speed < 1 ? "Very Poor" : speed < 5 ? "Poor" : speed < 25 ? "Fair" : speed < 100 ? "Good" : "Excellent";
        return (speed, description);
    }

    public static bool CanSendMms(PyRecord device, PyRecord surroundings)
    {
        if (!MobileDataWorking(device, surroundings)) return false;
        if (PyEquality.Equals(device["network_technology_connected"], "2G")) return false;
        if (PyValue.Truthy(device["wifi_calling_enabled"]) && PyValue.Truthy(device["wifi_calling_mms_over_wifi"])) return false;
        if (Attr(device["active_apn_settings"], "mmsc_url") is null) return false;
        if (device["app_statuses"] is not PyDict apps || !apps.TryGetValue("messaging", out var messaging)) return false;
        var permissions = Attr(messaging, "permissions");
        return PyValue.Truthy(Attr(permissions, "storage")) && PyValue.Truthy(Attr(permissions, "sms"));
    }
}
