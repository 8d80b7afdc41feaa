using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Telecom.PyOps;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The user's phone (domain-telecom §4): 30 LLM tools for the simulated user, plus hidden methods
/// that task setup uses to break the phone and grading uses to check it. Every result is a plain
/// string; most actions append the status bar as it is after the change.
/// </summary>
public sealed class TelecomUserTools : Toolkit
{
    private static readonly string[] PermissionNames = ["sms", "storage", "phone", "network"];

    private static readonly ToolMethodTable Table = new ToolCatalog<TelecomUserTools>()
        .Tool("check_status_bar", ToolType.Read, (t, _) => "Status Bar: " + StatusBar.Render(t.Device))
        .Tool("check_network_status", ToolType.Read, (t, _) => t.CheckNetworkStatus())
        .Tool("check_network_mode_preference", ToolType.Read, (t, _) => $"Network Mode Preference: {PyRepr.Str(t.Device["network_mode_preference"])}")
        .Tool("set_network_mode_preference", ToolType.Write, (t, a) => t.SetNetworkModePreference(a["mode"]), P("mode"))
        .Tool("run_speed_test", ToolType.Read, (t, _) => t.RunSpeedTest())
        .Tool("toggle_airplane_mode", ToolType.Write, (t, _) => t.ToggleAirplaneMode())
        .Tool("check_sim_status", ToolType.Read, (t, _) => t.CheckSimStatus())
        .Tool("reseat_sim_card", ToolType.Write, (t, _) => t.ReseatSimCard())
        .Tool("toggle_data", ToolType.Write, (t, _) => t.ToggleData())
        .Tool("toggle_roaming", ToolType.Write, (t, _) => t.ToggleRoaming())
        .Tool("check_data_restriction_status", ToolType.Read, (t, _) =>
            PyValue.Truthy(t.Device["data_saver_mode"]) ? "Data Saver mode is ON (limits data usage)." : "Data Saver mode is OFF.")
        .Tool("toggle_data_saver_mode", ToolType.Write, (t, _) => t.ToggleDataSaverMode())
        .Tool("check_apn_settings", ToolType.Read, (t, _) => t.CheckApnSettings())
        .Tool("set_apn_settings", ToolType.Write, (t, a) => t.SetApnSettings(a["apn_settings"]), P("apn_settings"))
        .Tool("reset_apn_settings", ToolType.Write, (t, _) => t.ResetApnSettings())
        .Tool("check_wifi_status", ToolType.Read, (t, _) => t.CheckWifiStatus())
        .Tool("toggle_wifi", ToolType.Write, (t, _) => t.ToggleWifi())
        .Tool("check_wifi_calling_status", ToolType.Read, (t, _) =>
            $"Wi-Fi Calling is currently turned {OnOff(t.Device["wifi_calling_enabled"])}.")
        .Tool("toggle_wifi_calling", ToolType.Write, (t, _) => t.ToggleWifiCalling())
        .Tool("check_vpn_status", ToolType.Read, (t, _) => t.CheckVpnStatus())
        .Tool("connect_vpn", ToolType.Write, (t, _) => t.ConnectVpn())
        .Tool("disconnect_vpn", ToolType.Write, (t, _) => t.DisconnectVpn())
        .Tool("check_installed_apps", ToolType.Read, (t, _) =>
            "The following apps are installed on the phone: " + string.Join(", ", t.Apps.Keys))
        .Tool("check_app_status", ToolType.Read, (t, a) => t.CheckAppStatus(a["app_name"]), P("app_name"))
        .Tool("check_app_permissions", ToolType.Read, (t, a) => t.CheckAppPermissions(a["app_name"]), P("app_name"))
        .Tool("grant_app_permission", ToolType.Write, (t, a) => t.GrantAppPermission(a["app_name"], a["permission"]), P("app_name"), P("permission"))
        .Tool("can_send_mms", ToolType.Read, (t, _) => PhoneDiagnostics.CanSendMms(t.Device, t.Surroundings)
            ? "Your messaging app can send MMS messages." : "Your messaging app cannot send MMS messages.")
        .Tool("reboot_device", ToolType.Write, (t, _) => t.RebootDevice())
        .Tool("check_payment_request", ToolType.Read, (t, _) => t.CheckPaymentRequest())
        .Tool("make_payment", ToolType.Write, (t, _) => t.MakePayment())
        // hidden: task setup
        .Method("set_user_info", (t, a) => { t.Surroundings["name"] = a["name"]; t.Surroundings["phone_number"] = a["phone_number"]; return null; },
            P("name"), P("phone_number"))
        .Method("set_user_location", (t, a) => { t.Surroundings["is_abroad"] = a["abroad"]; return null; }, P("abroad"))
        .Method("turn_airplane_mode_on", (t, _) => t.ToggleUntil("airplane_mode", true, t.ToggleAirplaneMode, "Airplane Mode is now ON."))
        .Method("turn_airplane_mode_off", (t, _) => t.ToggleUntil("airplane_mode", false, t.ToggleAirplaneMode, "Airplane Mode is now OFF."))
        .Method("unseat_sim_card", (t, _) => { t.Device["sim_card_missing"] = true; t.Search(); return "SIM card un-seated successfully."; })
        .Method("lock_sim_card", (t, a) => t.LockSimCard(a["mode"]), P("mode"))
        .Method("turn_data_on", (t, _) => { t.Device["data_enabled"] = true; return "Data connection restored."; })
        .Method("turn_data_off", (t, _) => t.ToggleUntil("data_enabled", false, t.ToggleData, "Data connection broken."))
        .Method("turn_roaming_on", (t, _) => t.ToggleUntil("roaming_enabled", true, t.ToggleRoaming, "Data Roaming is now ON."))
        .Method("turn_roaming_off", (t, _) => t.ToggleUntil("roaming_enabled", false, t.ToggleRoaming, "Data Roaming is now OFF."))
        .Method("turn_data_saver_mode_on", (t, _) => t.ToggleUntil("data_saver_mode", true, t.ToggleDataSaverMode, "Data Saver Mode is now ON."))
        .Method("turn_data_saver_mode_off", (t, _) => t.ToggleUntil("data_saver_mode", false, t.ToggleDataSaverMode, "Data Saver Mode is now OFF."))
        .Method("break_apn_settings", (t, _) =>
        {
            SetAttr(t.Device["active_apn_settings"], "apn_name", "broken");
            t.Search();
            return "APN settings broken. Please call reset_apn_settings() to fix.";
        })
        .Method("break_apn_mms_setting", (t, _) =>
        {
            SetAttr(t.Device["active_apn_settings"], "mmsc_url", null);
            return "APN MMS setting broken. Please call reset_apn_settings() to fix.";
        })
        .Method("set_wifi_calling", (t, a) => t.SetWifiCalling(a["enabled"], a["mms_over_wifi"]), P("enabled"), ToolParameter.Optional("mms_over_wifi"))
        .Method("break_vpn", (t, _) => t.BreakVpn())
        .Method("remove_app_permission", (t, a) => t.RemoveAppPermission(a["app_name"], a["permission"]), P("app_name"), P("permission"))
        .Method("simulate_network_search", (t, _) => { t.Search(); return null; })
        // hidden: grading
        .Method("assert_airplane_mode_status", (t, a) => PyEquality.Equals(t.Device["airplane_mode"], a["expected_status"]), P("expected_status"))
        .Method("assert_service_status", (t, a) => t.AssertServiceStatus(a["expected_status"]), P("expected_status"))
        .Method("assert_mobile_data_status", (t, a) =>
            PyEquality.Equals(PhoneDiagnostics.MobileDataWorking(t.Device, t.Surroundings), a["expected_status"]), P("expected_status"))
        .Method("assert_mobile_roaming_status", (t, a) => PyEquality.Equals(t.Device["roaming_enabled"], a["expected_status"]), P("expected_status"))
        .Method("assert_mobile_data_saver_mode_status", (t, a) => PyEquality.Equals(t.Device["data_saver_mode"], a["expected_status"]), P("expected_status"))
        .Method("assert_internet_speed", (t, a) => t.AssertInternetSpeed(a["expected_speed"], a["expected_desc"]),
            P("expected_speed"), ToolParameter.Optional("expected_desc"))
        .Method("assert_internet_not_excellent", (t, _) =>
            PhoneDiagnostics.SpeedTest(t.Device, t.Surroundings).Description.ToLowerInvariant() != "excellent")
        .Method("assert_can_send_mms", (t, a) => PyEquality.Equals(PhoneDiagnostics.CanSendMms(t.Device, t.Surroundings), a["expected_status"]), P("expected_status"))
        .Method("assert_mobile_data_usage_exceeded", (t, a) =>
            PyEquality.Equals(t.Surroundings["mobile_data_usage_exceeded"], a["expected_status"]), P("expected_status"))
        .Build();

    private static ToolParameter P(string name) => new(name);

    private PyRecord _db;
    private readonly VpnProfile _vpn = new();

    public TelecomUserTools(PyRecord db) => _db = db;

    public override string ClassName => "TelecomUserTools";
    public override ToolMethodTable Methods => Table;
    public override PyRecord? Db => _db;

    public override void ReplaceDb(PyDict merged) => _db = TelecomUserSchemas.Db.Validate(merged);

    internal PyRecord Device => (PyRecord)_db["device"]!;
    internal PyRecord Surroundings => (PyRecord)_db["surroundings"]!;
    private PyDict Apps => (PyDict)Device["app_statuses"]!;

    private string Bar => StatusBar.Suffix(Device);

    private void Search() => NetworkSearch.Run(Device, Surroundings);

    private static string OnOff(object? flag) => PyValue.Truthy(flag) ? "ON" : "OFF";

    private static string YesNo(object? flag) => PyValue.Truthy(flag) ? "Yes" : "No";

    private object? EffectiveSimStatus() => PyValue.Truthy(Device["sim_card_missing"]) ? "missing" : Device["sim_card_status"];

    // ---- network ----

    private string CheckNetworkStatus()
    {
        var d = Device;
        var lines = new List<string>
        {
            $"Airplane Mode: {OnOff(d["airplane_mode"])}",
            $"SIM Card Status: {PyRepr.Str(EffectiveSimStatus())}",
            $"Cellular Connection: {PyRepr.Str(d["network_connection_status"])}",
            $"Cellular Signal: {PyRepr.Str(d["network_signal_strength"])}",
            $"Cellular Network Type: {PyRepr.Str(d["network_technology_connected"])}",
            $"Mobile Data Enabled: {YesNo(d["data_enabled"])}",
            $"Data Roaming Enabled: {YesNo(d["roaming_enabled"])}",
            $"Wi-Fi Radio: {OnOff(d["wifi_enabled"])}",
            $"Wi-Fi Connected: {YesNo(d["wifi_connected"])}",
        };
        if (PyValue.Truthy(d["wifi_connected"])) lines.Add($"Connected Wi-Fi Network: {PyRepr.Str(d["wifi_ssid"])}");
        return string.Join("\n", lines);
    }

    private string SetNetworkModePreference(object? mode)
    {
        if (mode is string s)
        {
            if (!TelecomEnums.NetworkModePreference.IsMember(s))
                return $"Failed to set network mode: '{s}' is not a valid option. Please use one of: "
                    + string.Join(", ", TelecomEnums.NetworkModePreference.Values) + Bar;
        }
        // a non-string value is stored as given and searched with (the 4G fallback), then the
        // message fails on it, as the reference's `mode.value` does
        Device["network_mode_preference"] = mode;
        Search();
        if (mode is not string) throw new ToolCallException($"'{PyValue.TypeName(mode)}' object has no attribute 'value'");
        return $"Preferred Network Mode set to: {mode}" + Bar;
    }

    private string RunSpeedTest()
    {
        var (speed, description) = PhoneDiagnostics.SpeedTest(Device, Surroundings);
        if (speed is null) return $"Speed test failed: {description}.";
        string advice = description switch
        {
            "Very Poor" => "Connection is very slow. Basic web browsing might be difficult.",
            "Poor" => "Connection is slow. Web browsing may be sluggish, streaming difficult.",
            "Fair" => "Connection is okay for web browsing and some standard definition streaming.",
            "Good" => "Connection is good for most activities, including HD streaming.",
            _ => "Connection is very fast.",
        };
        return $"Speed Test Result: {Fixed2(speed.Value)} Mbps ({description}). {advice}";
    }

    private string ToggleAirplaneMode()
    {
        var d = Device;
        bool on = !PyValue.Truthy(d["airplane_mode"]);
        d["airplane_mode"] = on;
        if (on)
        {
            DropWifiConnection();
            if (PyValue.Truthy(d["vpn_connected"]))
            {
                d["vpn_connected"] = false;
                d["vpn_details"] = null;
            }
        }
        else
        {
            d["network_connection_status"] = "searching";
            if (PyValue.Truthy(d["wifi_enabled"])) DropWifiConnection();
        }
        Search();
        return $"Airplane Mode is now {OnOff(on)}." + Bar;
    }

    private void DropWifiConnection()
    {
        Device["wifi_connected"] = false;
        Device["wifi_ssid"] = null;
        Device["wifi_signal_strength"] = "none";
    }

    /// <summary>The setup helpers' "toggle until": toggle once (with all side effects), and again if the state is still wrong.</summary>
    private string ToggleUntil(string field, bool wanted, Func<string> toggle, string message)
    {
        toggle();
        if (PyValue.Truthy(Device[field]) != wanted) toggle();
        return message;
    }

    // ---- SIM ----

    private string CheckSimStatus() => EffectiveSimStatus() switch
    {
        "active" => "Your SIM card is active and working.",
        "missing" => "No SIM card detected in the phone.",
        "locked_pin" => "The SIM card is locked with a PIN code.",
        "locked_puk" => "The SIM card is locked with a PUK code.",
        var other => $"Unknown SIM card status: {PyRepr.Str(other)}",
    };

    private string ReseatSimCard()
    {
        Device["sim_card_missing"] = false;
        Search();
        return "SIM card re-seated successfully." + Bar;
    }

    private string LockSimCard(object? mode)
    {
        if (PyEquality.Equals(mode, "pin")) Device["sim_card_status"] = "locked_pin";
        else if (PyEquality.Equals(mode, "puk")) Device["sim_card_status"] = "locked_puk";
        Search();
        return $"SIM card locked successfully in {PyRepr.Str(mode)} mode.";
    }

    // ---- data ----

    private string ToggleData() => Toggle("data_enabled", "Mobile Data", search: true);

    private string ToggleRoaming() => Toggle("roaming_enabled", "Data Roaming", search: true);

    private string ToggleDataSaverMode() => Toggle("data_saver_mode", "Data Saver Mode", search: false);

    private string ToggleWifiCalling() => Toggle("wifi_calling_enabled", "Wi-Fi Calling", search: false);

    private string Toggle(string field, string label, bool search)
    {
        bool on = !PyValue.Truthy(Device[field]);
        Device[field] = on;
        if (search) Search();
        return $"{label} is now {OnOff(on)}." + Bar;
    }

    // ---- APN ----

    private string CheckApnSettings()
    {
        var apn = Device["active_apn_settings"];
        var url = Attr(apn, "mmsc_url");
        return $"Current APN Name: {PyRepr.Str(Attr(apn, "apn_name"))}\n"
            + $"MMSC URL (for picture messages): {(PyValue.Truthy(url) ? PyRepr.Str(url) : "Not Set")}\n"
            + "(These are technical settings, usually best left unchanged.)";
    }

    private string SetApnSettings(object? settings)
    {
        // a plain object is validated into a complete APNSettings (missing keys take defaults);
        // anything else is stored as given and fails on first use, as in the reference
        if (settings is PyDict dict and not PyRecord) settings = TelecomUserSchemas.ApnSettings.Validate(dict);
        Device["active_apn_settings"] = settings;
        Search();
        return $"APN settings set to: {PyRepr.Str(Attr(settings, "apn_name"))}" + Bar;
    }

    private string ResetApnSettings()
    {
        SetAttr(Device["active_apn_settings"], "reset_at_reboot", true);
        Search();
        return "APN settings will reset at reboot." + Bar;
    }

    private string RebootDevice()
    {
        var lines = new List<string>();
        if (PyValue.Truthy(Attr(Device["active_apn_settings"], "reset_at_reboot")))
        {
            Device["active_apn_settings"] = TelecomUserSchemas.DefaultApnSettings();
            lines.Add("Resetting APN settings...");
        }
        lines.Add("Restarting network services...");
        Device["network_connection_status"] = "searching";
        Search();
        return string.Join("\n", lines) + Bar;
    }

    // ---- Wi-Fi ----

    private string CheckWifiStatus()
    {
        var d = Device;
        if (!PyValue.Truthy(d["wifi_enabled"])) return "Wi-Fi is turned OFF.";
        if (PyValue.Truthy(d["wifi_connected"]))
            return $"Wi-Fi is ON and connected to '{PyRepr.Str(d["wifi_ssid"])}'. Signal strength: {PyRepr.Str(d["wifi_signal_strength"])}.";
        return "Wi-Fi is ON but not connected to any network.";
    }

    private string ToggleWifi()
    {
        if (PyValue.Truthy(Device["airplane_mode"])) return "Cannot change Wi-Fi settings while Airplane Mode is ON." + Bar;
        bool on = !PyValue.Truthy(Device["wifi_enabled"]);
        Device["wifi_enabled"] = on;
        if (!on) DropWifiConnection();
        return $"Wi-Fi is now {OnOff(on)}." + Bar;
    }

    private string SetWifiCalling(object? enabled, object? mmsOverWifi)
    {
        Device["wifi_calling_enabled"] = enabled;
        string message = $"Wi-Fi Calling is now {OnOff(enabled)}.";
        if (mmsOverWifi is not null)
        {
            Device["wifi_calling_mms_over_wifi"] = mmsOverWifi;
            message += $"\nMMS over Wi-Fi is now {OnOff(mmsOverWifi)}.";
        }
        return message;
    }

    // ---- VPN ----

    private string CheckVpnStatus()
    {
        var d = Device;
        if (PyValue.Truthy(d["vpn_connected"]))
        {
            return d["vpn_details"] is { } details
                ? "VPN is ON and connected. Details: " + VpnDetailsRepr(details)
                : "VPN is ON and connected (no specific details available).";
        }
        return PyValue.Truthy(d["vpn_enabled_setting"])
            ? "VPN is turned ON in settings, but currently not connected."
            : "VPN is turned OFF.";
    }

    /// <summary>Python's repr of <c>details.model_dump()</c>: the performance level prints as an enum member.</summary>
    private static string VpnDetailsRepr(object details)
    {
        if (details is not PyRecord r) return PyRepr.Repr(details);
        var items = r.Select(kv => PyRepr.ReprString(kv.Key) + ": " +
            (kv.Key == "server_performance" && TelecomEnums.PerformanceLevel.IsMember(kv.Value)
                ? TelecomEnums.PerformanceLevel.MemberRepr((string)kv.Value!)
                : PyRepr.Repr(kv.Value)));
        return "{" + string.Join(", ", items) + "}";
    }

    private string ConnectVpn()
    {
        if (PyValue.Truthy(Device["vpn_connected"])) return "VPN already connected.";
        Device["vpn_connected"] = true;
        Device["vpn_details"] = _vpn.Details; // by reference: break_vpn degrades this very object
        return "VPN connected successfully." + Bar;
    }

    private string DisconnectVpn()
    {
        if (!PyValue.Truthy(Device["vpn_connected"])) return "No active VPN connection to disconnect." + Bar;
        Device["vpn_connected"] = false;
        Device["vpn_details"] = null;
        return "VPN disconnected successfully." + Bar;
    }

    private string BreakVpn()
    {
        ConnectVpn();
        SetAttr(Device["vpn_details"], "server_performance", "poor");
        return "VPN connection broken.";
    }

    // ---- apps ----

    private string CheckAppStatus(object? appName)
    {
        if (!In(appName, Apps)) return $"App '{PyRepr.Str(appName)}' not found on this phone.";
        var granted = Granted(Apps[(string)appName!]);
        var lines = new List<string> { $"Status for App: {appName}" };
        if (granted.Count == 0) lines.Add(" - Permissions: None granted.");
        else
        {
            lines.Add(" - Permissions Granted:");
            lines.AddRange(granted.Select(p => $"   - {p}"));
        }
        return string.Join("\n", lines);
    }

    private string CheckAppPermissions(object? appName)
    {
        if (!In(appName, Apps)) return $"App '{PyRepr.Str(appName)}' not found on this phone.";
        var granted = Granted(Apps[(string)appName!]);
        return granted.Count == 0
            ? $"App '{appName}' currently has no permissions granted."
            : $"App '{appName}' has permission for: {string.Join(", ", granted)}.";
    }

    private static List<string> Granted(object? app)
    {
        var permissions = Attr(app, "permissions");
        return PermissionNames.Where(p => PyValue.Truthy(Attr(permissions, p))).ToList();
    }

    private string GrantAppPermission(object? appName, object? permission)
    {
        string message;
        if (!In(appName, Apps)) message = $"Error. App '{PyRepr.Str(appName)}' not found. Cannot grant permission.";
        else
        {
            string p = Lower(permission);
            if (!PermissionNames.Contains(p))
                message = $"Error. Permission '{p}' not tracked for app '{appName}', available permissions: {PyRepr.Repr(PermissionNames.Cast<object?>().ToList())}";
            else
            {
                SetAttr(Attr(Apps[(string)appName!], "permissions"), p, true);
                message = $"Success. Permission '{p}' granted to app '{appName}'.";
            }
        }
        return message + Bar;
    }

    private List<object?> RemoveAppPermission(object? appName, object? permission)
    {
        if (!In(appName, Apps)) return [false, $"App '{PyRepr.Str(appName)}' not found. Cannot remove permission."];
        string p = Lower(permission);
        if (!PermissionNames.Contains(p)) return [false, $"Permission '{p}' not tracked for app '{appName}'."];
        SetAttr(Attr(Apps[(string)appName!], "permissions"), p, false);
        return [true, $"Permission '{p}' removed from app '{appName}'."];
    }

    // ---- payment ----

    private string CheckPaymentRequest()
    {
        var request = Surroundings["payment_request"];
        if (request is null) return "No payment request has been made.";
        return $"You have a payment request for bill {PyRepr.Str(Attr(request, "bill_id"))} of {PyRepr.Str(Attr(request, "amount_due"))} USD.";
    }

    private string MakePayment()
    {
        var request = Surroundings["payment_request"];
        if (request is null) return "You do not have a payment request.";
        SetAttr(request, "paid", true); // the bill itself is marked paid by the next sync
        return $"Payment of {PyRepr.Str(Attr(request, "amount_due"))} USD has been made for bill {PyRepr.Str(Attr(request, "bill_id"))}.";
    }

    // ---- grading ----

    private bool AssertServiceStatus(object? expected)
    {
        if (!TelecomEnums.NetworkStatus.IsMember(expected))
            throw new ToolCallException($"{PyRepr.Repr(expected)} is not a valid NetworkStatus");
        return PyEquality.Equals(Device["network_connection_status"], expected);
    }

    private bool AssertInternetSpeed(object? expectedSpeed, object? expectedDesc)
    {
        var (speed, description) = PhoneDiagnostics.SpeedTest(Device, Surroundings);
        bool fastEnough = Ge(speed ?? 0.0, expectedSpeed);
        if (expectedDesc is null) return fastEnough;
        return fastEnough && description.ToLowerInvariant() == Lower(expectedDesc);
    }
}
