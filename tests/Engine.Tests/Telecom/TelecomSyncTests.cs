using Tau2Observe.Engine.Simulation;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>The agent-DB/phone coupling (domain-telecom §5): sync after tool calls and setup calls.</summary>
public class TelecomSyncTests
{
    private static readonly (string, object?) C1001 = ("customer_id", "C1001");
    private static readonly (string, object?) L1002 = ("line_id", "L1002");

    [Fact]
    public void Without_a_phone_number_sync_does_nothing()
    {
        var env = Fresh();
        Assert.Equal("e1f3a8637388808221228ff3f87294444e6b64caf721f5eb243a85d0a9380b28", env.UserDbHash());
        Assert.Equal("Payment request sent to the customer for bill B1002", env.Agent("send_payment_request", Args(C1001, ("bill_id", "B1002"))));
        Assert.Equal("No payment request has been made.", env.Phone("check_payment_request"));
    }

    [Fact]
    public void Set_user_info_copies_line_facts_to_the_phone()
    {
        var env = Fresh();
        env.SetJohnSmith();
        var s = env.Surroundings();
        Assert.Equal(true, s["roaming_allowed"]);
        Assert.Equal(true, s["line_active"]);
        Assert.Equal(false, s["mobile_data_usage_exceeded"]);
        Assert.Equal("4946e7b208fefa86109388d94b5c8fb26d541b44521a105e13c8197704ccfb43", env.UserDbHash());
    }

    [Fact]
    public void Agent_line_changes_reach_the_phone_after_each_call_but_service_only_after_a_search()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Agent("disable_roaming", Args(C1001, L1002));
        Assert.Equal(false, env.Surroundings()["roaming_allowed"]);

        env.Agent("suspend_line", Args(C1001, L1002, ("reason", "test")));
        Assert.Equal(false, env.Surroundings()["line_active"]);
        Assert.Equal("Status Bar: \U0001F4F6\u00B3 Good | 5G | \U0001F4F1 Data Enabled | \U0001F50B 80%", env.Phone("check_status_bar"));
        Assert.Equal("Restarting network services...\nStatus Bar: \U0001F4F5 No Signal | \U0001F4F5 Data Disabled | \U0001F50B 80%", env.Phone("reboot_device"));

        env.Agent("resume_line", Args(C1001, L1002));
        Assert.Equal(true, env.Surroundings()["line_active"]);
        Assert.Equal("no_service", env.Device()["network_connection_status"]); // still, until the next search
        Assert.Contains("Excellent | 5G", env.Phone("reboot_device"));
    }

    [Fact]
    public void Refuelling_clears_data_exhaustion_immediately()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Setup(Roles.Assistant, "set_data_usage", Args(C1001, L1002, ("data_used_gb", 15.1)));
        Assert.Equal(true, env.Surroundings()["mobile_data_usage_exceeded"]);
        Assert.Equal("Speed test failed: No Connection.", env.Phone("run_speed_test"));
        Assert.Equal(
            "{\"message\": \"Successfully added 2.0 GB of data for line L1002 for $4.00\", \"new_data_refueling_gb\": \"2.0\", \"charge\": \"4.0\"}",
            env.Agent("refuel_data", Args(C1001, L1002, ("gb_amount", 2.0))));
        Assert.Equal(false, env.Surroundings()["mobile_data_usage_exceeded"]);
    }

    [Fact]
    public void Usage_exactly_at_the_limit_counts_as_exceeded()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Setup(Roles.Assistant, "set_data_usage", Args(C1001, L1002, ("data_used_gb", 15)));
        Assert.Equal(true, env.Surroundings()["mobile_data_usage_exceeded"]);
    }

    [Fact]
    public void Payment_request_flows_to_the_phone_and_payment_back_to_the_bill()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Setup(Roles.Assistant, "suspend_line_for_overdue_bill",
            Args(C1001, L1002, ("new_bill_id", "B1234321"), ("contract_ended", false)));
        env.Setup(Roles.User, "simulate_network_search");
        Assert.Equal("Status Bar: \U0001F4F5 No Signal | \U0001F4F5 Data Disabled | \U0001F50B 80%", env.Phone("check_status_bar"));

        Assert.Equal("Payment request sent to the customer for bill B1234321", env.Agent("send_payment_request", Args(C1001, ("bill_id", "B1234321"))));
        Assert.Equal("You have a payment request for bill B1234321 of 65.0 USD.", env.Phone("check_payment_request"));
        Assert.Equal("Payment of 65.0 USD has been made for bill B1234321.", env.Phone("make_payment"));
        Assert.Equal("Paid", env.Record("bills", "bill_id", "B1234321")["status"]);
        Assert.Null(env.Surroundings()["payment_request"]);

        env.Agent("resume_line", Args(C1001, L1002));
        Assert.Equal("Restarting network services...\nStatus Bar: \U0001F4F6\u2074 Excellent | 5G | \U0001F4F1 Data Enabled | \U0001F50B 80%", env.Phone("reboot_device"));
    }

    [Fact]
    public void Sync_failure_after_a_successful_call_is_reported_as_the_call_error()
    {
        var env = Fresh();
        // a phone number with no line: setting it fails in the setup's own sync
        var e = Assert.Throws<Environment.ToolCallException>(() =>
            env.Setup(Roles.User, "set_user_info", Args(("name", "Nobody"), ("phone_number", "555-000-0000"))));
        Assert.Equal("Line with phone number 555-000-0000 not found", e.Message);
        var result = env.Call(Roles.User, "toggle_wifi");
        Assert.True(result.Error);
        Assert.Equal("Error: Line with phone number 555-000-0000 not found", result.Content);
    }

    [Fact]
    public void Gold_replay_without_sync_leaves_the_phone_stale()
    {
        var env = Fresh();
        env.SetJohnSmith();
        env.Setup(Roles.Assistant, "set_data_usage", Args(C1001, L1002, ("data_used_gb", 15.1)));
        env.MakeToolCall("refuel_data", Roles.Assistant, Args(C1001, L1002, ("gb_amount", 2.0)));
        Assert.Equal(true, env.Surroundings()["mobile_data_usage_exceeded"]);
        env.Sync();
        Assert.Equal(false, env.Surroundings()["mobile_data_usage_exceeded"]);
    }
}
