using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>The phone's status bar text (domain-telecom §3.8); it shows neither data exhaustion nor roaming permission.</summary>
internal static class StatusBar
{
    public static string Render(PyRecord device)
    {
        var parts = new List<string>();
        if (PyValue.Truthy(device["airplane_mode"]))
        {
            parts.Add("\u2708\uFE0F Airplane Mode");
        }
        else
        {
            parts.Add(SignalIndicator(device["network_signal_strength"]));
            var technology = device["network_technology_connected"];
            bool hasTechnology = !PyEquality.Equals(technology, "none");
            if (hasTechnology) parts.Add(PyRepr.Str(technology));
            if (PyValue.Truthy(device["data_enabled"]) && hasTechnology)
            {
                parts.Add("\U0001F4F1 Data Enabled");
                if (PyValue.Truthy(device["data_saver_mode"])) parts.Add("\U0001F53D Data Saver");
            }
            else
            {
                parts.Add("\U0001F4F5 Data Disabled");
            }
        }
        if (PyValue.Truthy(device["wifi_enabled"]) && PyValue.Truthy(device["wifi_connected"]))
        {
            var ssid = device["wifi_ssid"];
            parts.Add(PyValue.Truthy(ssid) ? $"\U0001F4E1 Connected to {PyRepr.Str(ssid)}" : "\U0001F4E1 Enabled");
        }
        if (PyValue.Truthy(device["vpn_connected"])) parts.Add("\U0001F512 VPN Connected");
        parts.Add($"\U0001F50B {PyRepr.Str(device["battery_level"])}%");
        return string.Join(" | ", parts);
    }

    /// <summary>The <c>"\nStatus Bar: ..."</c> suffix that most phone actions append after their change.</summary>
    public static string Suffix(PyRecord device) => "\nStatus Bar: " + Render(device);

    private static string SignalIndicator(object? strength) => strength switch
    {
        "poor" => "\U0001F4F6\u00B9 Poor",
        "fair" => "\U0001F4F6\u00B2 Fair",
        "good" => "\U0001F4F6\u00B3 Good",
        "excellent" => "\U0001F4F6\u2074 Excellent",
        _ => "\U0001F4F5 No Signal",
    };
}
