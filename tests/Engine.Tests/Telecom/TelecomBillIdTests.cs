using System.Text.RegularExpressions;
using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Domains.Telecom;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>Draft bills created for customers without one get deterministic ids from the environment's seed.</summary>
public class TelecomBillIdTests
{
    private static PyDict RefuelC1002(double gb) => Args(("customer_id", "C1002"), ("line_id", "L1004"), ("gb_amount", gb));

    private static string NewBillId(Environment.DomainEnvironment env) =>
        (string)((List<object?>)env.Record("customers", "customer_id", "C1002")["bill_ids"]!)[^1]!;

    [Fact]
    public void The_same_seed_gives_the_same_ids_and_a_different_seed_different_ones()
    {
        var a = Fresh(billIdSeed: 42);
        var b = Fresh(billIdSeed: 42);
        var c = Fresh(billIdSeed: 43);
        foreach (var env in new[] { a, b, c }) env.Agent("refuel_data", RefuelC1002(1.0));
        Assert.Matches(new Regex("^B[0-9a-f]{8}$"), NewBillId(a));
        Assert.Equal(NewBillId(a), NewBillId(b));
        Assert.NotEqual(NewBillId(a), NewBillId(c));
        Assert.Equal(a.AgentDbHash(), b.AgentDbHash());
    }

    [Fact]
    public void Default_environments_agree_so_a_replay_reproduces_the_ids()
    {
        var first = Fresh();
        var replay = Fresh();
        Assert.Equal(first.Agent("refuel_data", RefuelC1002(1.0)), replay.Agent("refuel_data", RefuelC1002(1.0)));
        Assert.Equal(first.Agent("get_bills_for_customer", Args(("customer_id", "C1002"))), replay.Agent("get_bills_for_customer", Args(("customer_id", "C1002"))));
        Assert.Equal(new BillIdGenerator(BillIdGenerator.DefaultSeed).Next(), NewBillId(first));
    }

    [Fact]
    public void A_second_charge_goes_to_the_new_draft_bill()
    {
        var env = Fresh();
        env.Agent("refuel_data", RefuelC1002(1.0));
        env.Agent("refuel_data", RefuelC1002(2.0));
        var bill = env.Record("bills", "bill_id", NewBillId(env));
        Assert.Equal(2, ((List<object?>)bill["line_items"]!).Count);
        Assert.Equal(3, ((List<object?>)env.Record("customers", "customer_id", "C1002")["bill_ids"]!).Count);
        Assert.Equal(PyFloat.Repr(0.1 + 0.2), PyFloat.Repr((double)bill["total_due"]!));
    }

    [Fact]
    public void C1001_always_uses_its_existing_draft_bill()
    {
        var env = Fresh();
        env.Agent("refuel_data", Args(("customer_id", "C1001"), ("line_id", "L1001"), ("gb_amount", 0.5)));
        var bill = env.Record("bills", "bill_id", "B1003");
        var item = (PyRecord)((List<object?>)bill["line_items"]!).Single()!;
        Assert.Equal("Data refueling: 0.5 GB at $5.0/GB", item["description"]);
        Assert.Equal(2.5, bill["total_due"]);
    }

    /// <summary>A vector written the way the reference records random ids (placeholders) passes through the runner.</summary>
    [Fact]
    public void Conformance_comparison_works_through_bill_id_placeholders()
    {
        const string bill = "{\"bill_id\": \"{RANDOM_BILL_ID_0}\", \"customer_id\": \"C1002\", \"period_start\": \"2025-03-01\", \"period_end\": \"2025-03-31\", "
            + "\"issue_date\": \"2025-03-01\", \"total_due\": 0.1, \"due_date\": \"2025-03-15\", \"line_items\": [{\"description\": \"Data refueling: 1.0 GB at $0.1/GB\", "
            + "\"amount\": 0.1, \"date\": \"2025-02-25\", \"item_type\": \"Charge\"}], \"status\": \"Draft\"}";
        const string customer = "{\"customer_id\": \"C1002\", \"full_name\": \"Sarah Johnson\", \"date_of_birth\": \"1990-11-22\", \"email\": \"sarah.j@example.com\", "
            + "\"phone_number\": \"555-123-1002\", \"address\": {\"street\": \"456 Oak Ave\", \"city\": \"Springfield\", \"state\": \"IL\", \"zip_code\": \"62701\"}, "
            + "\"account_status\": \"Active\", \"payment_methods\": [{\"method_type\": \"Debit Card\", \"account_number_last_4\": \"1234\", \"expiration_date\": \"12/2026\"}, "
            + "{\"method_type\": \"Credit Card\", \"account_number_last_4\": \"5678\", \"expiration_date\": \"06/2027\"}], "
            + "\"line_ids\": [\"L1004\", \"L1005\", \"L1006\", \"L1007\", \"L1008\"], \"bill_ids\": [\"B1004\", \"B1005\", \"{RANDOM_BILL_ID_0}\"], "
            + "\"created_at\": \"2025-02-10 14:15:00\", \"last_extension_date\": \"2025-01-05\", \"goodwill_credit_used_this_year\": 0.0}";
        const string line = "{\"line_id\": \"L1004\", \"phone_number\": \"555-123-2004\", \"status\": \"Active\", \"plan_id\": \"P1003\", \"device_id\": \"D1004\", "
            + "\"data_used_gb\": 15.3, \"data_refueling_gb\": 1.0, \"roaming_enabled\": true, \"contract_end_date\": \"2027-02-28\", "
            + "\"last_plan_change_date\": \"2025-01-10\", \"last_sim_replacement_date\": null, \"suspension_start_date\": null}";
        var vector = (PyDict)PyJson.Parse("{\"kind\": \"tool_sequence\", \"case_id\": \"telecom/test/placeholders\", \"domain\": \"telecom\", \"initial_state\": null, "
            + "\"nondeterministic\": {\"placeholders\": [\"{RANDOM_BILL_ID_0}\"]}, \"calls\": ["
            + "{\"requestor\": \"assistant\", \"name\": \"refuel_data\", \"arguments\": {\"customer_id\": \"C1002\", \"line_id\": \"L1004\", \"gb_amount\": 1.0}, "
            + "\"expected\": {\"content\": \"{\\\"message\\\": \\\"Successfully added 1.0 GB of data for line L1004 for $0.10\\\", \\\"new_data_refueling_gb\\\": \\\"1.0\\\", \\\"charge\\\": \\\"0.1\\\"}\", \"error\": false}}, "
            + "{\"requestor\": \"assistant\", \"name\": \"get_bills_for_customer\", \"arguments\": {\"customer_id\": \"C1002\", \"limit\": 1}, "
            + "\"expected\": {\"content\": " + Quote("[" + bill + "]") + ", \"error\": false}}], "
            + "\"expected_db_hash\": {\"agent\": null, \"user\": \"e1f3a8637388808221228ff3f87294444e6b64caf721f5eb243a85d0a9380b28\"}, "
            + "\"expected_db_changes\": {\"customers/C1002\": " + customer + ", \"lines/L1004\": " + line + ", \"bills/{RANDOM_BILL_ID_0}\": " + bill + "}}")!;
        var result = new ConformanceRunner(TestData.Registry).Run(vector, new ConformanceOptions());
        Assert.True(result.Passed, string.Join("\n", result.Mismatches));
    }

    private static string Quote(string s) => PyJson.Dumps(s);
}
