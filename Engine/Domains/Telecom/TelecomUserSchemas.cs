using Tau2Observe.Engine.Data.Schema;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Data.Schema.FieldType;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The phone-side database models (domain-telecom §3). Defaults are the shipped initial values,
/// so keys absent from <c>user_db.toml</c> (TOML has no null) take them.
/// </summary>
internal static class TelecomUserSchemas
{
    public const string DefaultMmscUrl = "http://mms.carrier.com/mms/wapenc";

    public static readonly ModelSchema ApnSettings = new ModelSchema("APNSettings", forbidExtra: true)
        .Optional("apn_name", TelecomEnums.ApnNames, "internet")
        .Optional("reset_at_reboot", Bool, false)
        .Optional("mms_apn", Optional(Str), "mms")
        .Optional("mmsc_url", Optional(Str), DefaultMmscUrl)
        .Optional("mms_proxy", Optional(Str))
        .Optional("mms_port", Optional(Int));

    public static readonly ModelSchema VpnDetails = new ModelSchema("VpnDetails", forbidExtra: true)
        .Optional("server_address", Optional(Str))
        .Optional("protocol", Optional(Str))
        .Optional("server_performance", TelecomEnums.PerformanceLevel, "unknown");

    public static readonly ModelSchema AppPermissions = new ModelSchema("AppPermissions", forbidExtra: true)
        .Optional("sms", Bool, false)
        .Optional("storage", Bool, false)
        .Optional("phone", Bool, false)
        .Optional("network", Bool, false);

    public static readonly ModelSchema AppStatus = new ModelSchema("AppStatus", forbidExtra: true)
        .Field("app_name", Str)
        .Optional("permissions", Model(AppPermissions), AppPermissions.Validate(new PyDict()));

    public static readonly ModelSchema PaymentRequest = new ModelSchema("PaymentRequest", forbidExtra: true)
        .Field("bill_id", Str)
        .Field("amount_due", Float)
        .Optional("paid", Bool, false);

    public static readonly ModelSchema Device = new ModelSchema("MockPhoneAttributes", forbidExtra: true)
        .Optional("sim_card_status", TelecomEnums.SimStatus, "active")
        .Optional("sim_card_missing", Bool, false)
        .Optional("airplane_mode", Bool, false)
        .Optional("network_signal_strength", TelecomEnums.SignalStrength, "good")
        .Optional("network_technology_connected", TelecomEnums.NetworkTechnology, "5G")
        .Optional("network_connection_status", TelecomEnums.NetworkStatus, "connected")
        .Optional("battery_level", Int, 80L)
        .Optional("data_enabled", Bool, true)
        .Optional("roaming_enabled", Bool, false)
        .Optional("network_mode_preference", TelecomEnums.NetworkModePreference, "4g_5g_preferred")
        .Optional("active_apn_settings", Model(ApnSettings), ApnSettings.Validate(new PyDict()))
        .Optional("wifi_enabled", Bool, false)
        .Optional("wifi_connected", Bool, false)
        .Optional("wifi_ssid", Optional(Str))
        .Optional("wifi_signal_strength", TelecomEnums.SignalStrength, "none")
        .Optional("wifi_calling_enabled", Bool, false)
        .Optional("wifi_calling_mms_over_wifi", Bool, false)
        .Optional("data_saver_mode", Bool, false)
        .Optional("vpn_enabled_setting", Bool, false)
        .Optional("vpn_connected", Bool, false)
        .Optional("vpn_details", Optional(Model(VpnDetails)))
        .Optional("app_statuses", DictOf(Model(AppStatus)), DefaultApps());

    public static readonly ModelSchema Surroundings = new ModelSchema("UserSurroundings", forbidExtra: true)
        .Optional("name", Optional(Str))
        .Optional("phone_number", Optional(Str))
        .Optional("is_abroad", Bool, false)
        .Optional("roaming_allowed", Bool, false)
        .Optional("signal_strength", new EnumKeyedDictType(TelecomEnums.NetworkTechnology, TelecomEnums.SignalStrength), new PyDict
        {
            ["2G"] = "poor", ["3G"] = "fair", ["4G"] = "good", ["5G"] = "excellent",
        })
        .Optional("mobile_data_usage_exceeded", Bool, false)
        .Optional("line_active", Bool, true)
        .Optional("payment_request", Optional(Model(PaymentRequest)));

    public static readonly ModelSchema Db = new ModelSchema("TelecomUserDB", forbidExtra: true)
        .Optional("device", Model(Device), Device.Validate(new PyDict()))
        .Optional("surroundings", Model(Surroundings), Surroundings.Validate(new PyDict()));

    /// <summary>A fresh APN configuration with every default (what a reboot with reset pending installs).</summary>
    public static PyRecord DefaultApnSettings() => ApnSettings.Validate(new PyDict());

    private static PyDict DefaultApps() => new()
    {
        ["messaging"] = App("messaging", sms: true, storage: true, phone: true, network: false),
        ["browser"] = App("browser", sms: false, storage: true, phone: false, network: true),
    };

    private static PyRecord App(string name, bool sms, bool storage, bool phone, bool network) => AppStatus.Validate(new PyDict
    {
        ["app_name"] = name,
        ["permissions"] = new PyDict { ["sms"] = sms, ["storage"] = storage, ["phone"] = phone, ["network"] = network },
    });
}
