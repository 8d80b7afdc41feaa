using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>Tool texts the conformance vectors do not reach (domain-telecom §2, §4, §6.3, §14).</summary>
public class TelecomToolTests
{
    [Fact]
    public void App_status_lists_granted_permissions_in_field_order()
    {
        var env = Fresh();
        Assert.Equal("Status for App: messaging\n - Permissions Granted:\n   - sms\n   - storage\n   - phone", env.Phone("check_app_status", Args(("app_name", "messaging"))));
        env.Setup(Roles.User, "remove_app_permission", Args(("app_name", "browser"), ("permission", "network")));
        env.Setup(Roles.User, "remove_app_permission", Args(("app_name", "browser"), ("permission", "Storage")));
        Assert.Equal("Status for App: browser\n - Permissions: None granted.", env.Phone("check_app_status", Args(("app_name", "browser"))));
        Assert.Equal("App 'browser' currently has no permissions granted.", env.Phone("check_app_permissions", Args(("app_name", "browser"))));
    }

    [Fact]
    public void Remove_app_permission_returns_a_success_flag_and_message()
    {
        var env = Fresh();
        Assert.Equal(new List<object?> { true, "Permission 'network' removed from app 'browser'." },
            env.Setup(Roles.User, "remove_app_permission", Args(("app_name", "browser"), ("permission", "network"))));
        Assert.Equal(new List<object?> { false, "Permission 'camera' not tracked for app 'browser'." },
            env.Setup(Roles.User, "remove_app_permission", Args(("app_name", "browser"), ("permission", "camera"))));
        Assert.Equal(new List<object?> { false, "App 'maps' not found. Cannot remove permission." },
            env.Setup(Roles.User, "remove_app_permission", Args(("app_name", "maps"), ("permission", "sms"))));
    }

    [Fact]
    public void Speed_test_values_of_the_default_surroundings()
    {
        var env = Fresh();
        Assert.Equal("Speed Test Result: 220.00 Mbps (Excellent). Connection is very fast.", env.Phone("run_speed_test"));
        env.Phone("set_network_mode_preference", Args(("mode", "4g_only")));
        Assert.Equal("Speed Test Result: 44.00 Mbps (Good). Connection is good for most activities, including HD streaming.", env.Phone("run_speed_test"));
        env.Phone("set_network_mode_preference", Args(("mode", "3g_only")));
        Assert.Equal("Speed Test Result: 1.50 Mbps (Poor). Connection is slow. Web browsing may be sluggish, streaming difficult.", env.Phone("run_speed_test"));
        env.Phone("set_network_mode_preference", Args(("mode", "2g_only")));
        Assert.Equal("Speed Test Result: 0.05 Mbps (Very Poor). Connection is very slow. Basic web browsing might be difficult.", env.Phone("run_speed_test"));
        env.Phone("set_network_mode_preference", Args(("mode", "4g_5g_preferred")));
        Assert.Equal("Speed Test Result: 275.00 Mbps (Excellent). Connection is very fast.", env.Phone("run_speed_test"));
        env.Setup(Roles.User, "break_vpn");
        Assert.Equal("Speed Test Result: 27.50 Mbps (Good). Connection is good for most activities, including HD streaming.", env.Phone("run_speed_test"));
    }

    [Fact]
    public void Non_string_network_mode_is_stored_then_fails()
    {
        var env = Fresh();
        var result = env.Call(Roles.User, "set_network_mode_preference", Args(("mode", 5L)));
        Assert.True(result.Error);
        Assert.Equal("Error: 'int' object has no attribute 'value'", result.Content);
        Assert.Equal(5L, env.Device()["network_mode_preference"]);
        Assert.Equal("4G", env.Device()["network_technology_connected"]);
    }

    [Fact]
    public void Apn_settings_from_a_partial_object_take_defaults_and_reboot_applies_a_pending_reset()
    {
        var env = Fresh();
        env.Setup(Roles.User, "break_apn_mms_setting");
        Assert.Contains("MMSC URL (for picture messages): Not Set", env.Phone("check_apn_settings"));
        Assert.StartsWith("APN settings set to: internet\nStatus Bar: ", env.Phone("set_apn_settings", Args(("apn_settings", Args(("apn_name", "internet"))))));
        Assert.Contains("http://mms.carrier.com/mms/wapenc", env.Phone("check_apn_settings"));
        env.Phone("set_apn_settings", Args(("apn_settings", Args(("mmsc_url", "http://mms.new.com"), ("mms_port", "80")))));
        Assert.Equal(80L, ((PyRecord)env.Device()["active_apn_settings"]!)["mms_port"]);
        Assert.StartsWith("APN settings will reset at reboot.", env.Phone("reset_apn_settings"));
        Assert.StartsWith("Resetting APN settings...\nRestarting network services...\nStatus Bar: ", env.Phone("reboot_device"));
        Assert.Contains("http://mms.carrier.com/mms/wapenc", env.Phone("check_apn_settings"));
        var bad = env.Call(Roles.User, "set_apn_settings", Args(("apn_settings", Args(("apn_name", "internet"), ("extra", 1L)))));
        Assert.Equal("Error: 1 validation error for APNSettings\nextra\n  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]\n"
            + "    For further information visit https://errors.pydantic.dev/2.13/v/extra_forbidden", bad.Content);
    }

    [Fact]
    public void Agent_tool_errors_and_quirks()
    {
        var env = Fresh();
        Assert.Equal("Error: Unknown ID format or type: x1", env.Agent("get_details_by_id", Args(("id", "x1"))));
        Assert.Equal("Error: Unknown ID format or type: ", env.Agent("get_details_by_id", Args(("id", ""))));
        Assert.Equal("[]", env.Agent("get_customer_by_name", Args(("full_name", "Jane Doe"), ("dob", "1980-01-01"))));
        Assert.Equal("Error: 'int' object has no attribute 'lower'", env.Agent("get_customer_by_name", Args(("full_name", 5L), ("dob", "1980-01-01"))));
        // payment request: "another bill awaiting" is checked before ownership; any status can be requested
        Assert.Equal("Payment request sent to the customer for bill B1001", env.Agent("send_payment_request", Args(("customer_id", "C1001"), ("bill_id", "B1001"))));
        Assert.Equal("Error: A bill is already awaiting payment for this customer", env.Agent("send_payment_request", Args(("customer_id", "C1001"), ("bill_id", "B9"))));
        // get_bills_for_customer slices like Python
        var bills = (List<object?>)PyJson.Parse(env.Agent("get_bills_for_customer", Args(("customer_id", "C1001"), ("limit", -1L))))!;
        Assert.Equal(["B1003", "B1002"], bills.Select(b => (string)((PyDict)b!)["bill_id"]!));
        Assert.Equal("Transfer successful", env.Agent("transfer_to_human_agents", Args(("summary", "x"))));
        Assert.Equal("Error: Tool 'check_status_bar' not found.", env.Agent("check_status_bar"));
    }

    [Fact]
    public void Hidden_methods_are_reachable_only_from_setup_and_grading()
    {
        var env = Fresh();
        Assert.Equal("Error: Tool 'set_data_usage' not found.", env.Agent("set_data_usage", Args(("customer_id", "C1001"), ("line_id", "L1002"), ("data_used_gb", 1.0))));
        Assert.Equal("Data usage set to 20 GB for line L1002",
            env.Setup(Roles.Assistant, "set_data_usage", Args(("customer_id", "C1001"), ("line_id", "L1002"), ("data_used_gb", 20L))));
        Assert.Equal(new List<object?> { "P1001", "P1002", "P1003", "P1004", "P1005" }, env.Setup(Roles.Assistant, "get_available_plan_ids"));
        var missing = Assert.Throws<Environment.ToolCallException>(() => env.Setup(Roles.User, "no_such_method"));
        Assert.Equal("'TelecomUserTools' object has no attribute 'no_such_method'", missing.Message);
        Assert.Equal(true, env.Setup(Roles.Assistant, "assert_no_overdue_bill", Args(("overdue_bill_id", "B1234321"))));
        Assert.Equal(false, env.Setup(Roles.Assistant, "assert_no_overdue_bill", Args(("overdue_bill_id", "B1005"))));
        Assert.Equal(true, env.Setup(Roles.Assistant, "assert_line_status", Args(("customer_id", "C1001"), ("line_id", "L1003"), ("expected_status", "Suspended"))));
        Assert.Throws<Environment.ToolCallException>(() => env.Setup(Roles.User, "assert_service_status", Args(("expected_status", "bogus"))));
    }

    [Fact]
    public void Solo_mode_routes_phone_tools_for_the_agent_and_refuses_user_calls()
    {
        var env = Manual.CreateEnvironment(soloMode: true);
        Assert.StartsWith("Status Bar: ", env.Agent("check_status_bar"));
        Assert.StartsWith("{\"customer_id\": \"C1001\"", env.Agent("get_customer_by_id", Args(("customer_id", "C1001"))));
        Assert.True(env.Call(Roles.User, "check_status_bar").Error);
    }

    [Fact]
    public void Wifi_and_airplane_mode_interplay()
    {
        var env = Fresh();
        Assert.Equal("Wi-Fi is turned OFF.", env.Phone("check_wifi_status"));
        env.Phone("toggle_wifi");
        Assert.Equal("Wi-Fi is ON but not connected to any network.", env.Phone("check_wifi_status"));
        env.Phone("toggle_airplane_mode");
        Assert.StartsWith("Cannot change Wi-Fi settings while Airplane Mode is ON.", env.Phone("toggle_wifi"));
        Assert.Equal(true, env.Device()["wifi_enabled"]);
        Assert.Equal("Airplane Mode: ON\nSIM Card Status: active\nCellular Connection: no_service\nCellular Signal: none\nCellular Network Type: none\n"
            + "Mobile Data Enabled: Yes\nData Roaming Enabled: No\nWi-Fi Radio: ON\nWi-Fi Connected: No", env.Phone("check_network_status"));
        Assert.Equal("Airplane Mode is now OFF.", env.Setup(Roles.User, "turn_airplane_mode_off"));
        Assert.Equal("Your messaging app can send MMS messages.", env.Phone("can_send_mms"));
        env.Setup(Roles.User, "set_wifi_calling", Args(("enabled", true), ("mms_over_wifi", true)));
        Assert.Equal("Your messaging app cannot send MMS messages.", env.Phone("can_send_mms"));
        Assert.Equal("Wi-Fi Calling is now OFF.", env.Setup(Roles.User, "set_wifi_calling", Args(("enabled", false))));
    }
}
