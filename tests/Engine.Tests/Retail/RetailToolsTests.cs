using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>tau2's retail tool tests (spec §9.3) and the observed quirks of §3 and §9.6.</summary>
public class RetailToolsTests
{
    private const string Order0 = "\"order_id\": \"#W0000000\"";

    private static List<object?> History(PyDict order) => (List<object?>)order["payment_history"]!;

    private static PyDict Entry(PyDict order, int i) => (PyDict)History(order)[i]!;

    [Fact]
    public void Fixture_hashes_match_the_reference_before_and_after_a_cancel()
    {
        var env = RetailFixture.Create();
        Assert.Equal("8c78c8c121fda9651b378ecb744c679c810a9b41655f5a7b934f49c49fcaa0a3", env.AgentDbHash());
        var order = env.Call("cancel_pending_order", $$"""{{{Order0}}, "reason": "no longer needed"}""").Ok();
        Assert.Equal("cancelled", order["status"]);
        Assert.Equal("no longer needed", order["cancel_reason"]);
        Assert.Equal(2, History(order).Count);
        Assert.Equal("refund", Entry(order, 1)["transaction_type"]);
        Assert.Equal(29.99, Entry(order, 1)["amount"]);
        Assert.Equal("9ff9d8452c8d9bb5fb57a0b4dda5d2e3150a732625ef8d75fd3d4c8c5717fc74", env.AgentDbHash());
    }

    [Theory]
    [InlineData("2 + 2", "4.0")]
    [InlineData("1 + 1", "2.0")]
    public void Calculate_returns_a_rounded_float_text(string expression, string expected)
    {
        var m = RetailFixture.Create().Call("calculate", $$"""{"expression": "{{expression}}"}""");
        Assert.False(m.Error);
        Assert.Equal(expected, m.Content);
    }

    [Fact]
    public void Exchange_of_a_delivered_order_records_the_request_only()
    {
        var env = RetailFixture.Create();
        env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse("""{"orders": {"#W0000000": {"status": "delivered"}}}""")! }, null);
        var order = env.Call("exchange_delivered_order_items",
            $$"""{{{Order0}}, "item_ids": ["1008292230"], "new_item_ids": ["1008292231"], "payment_method_id": "credit_card_0000000"}""").Ok();
        Assert.Equal("exchange requested", order["status"]);
        Assert.Equal("[\"1008292230\"]", PyJson.Dumps(order["exchange_items"]));
        Assert.Equal("[\"1008292231\"]", PyJson.Dumps(order["exchange_new_items"]));
        Assert.Equal("credit_card_0000000", order["exchange_payment_method_id"]);
        Assert.Equal("0.0", PyJson.Dumps(order["exchange_price_difference"]));
        Assert.Single(History(order));
    }

    [Fact]
    public void Lookups_return_ids_records_or_the_reference_errors()
    {
        var env = RetailFixture.Create();
        Assert.Equal("sara_doe_496", env.Call("find_user_id_by_name_zip", """{"first_name": "SARA", "last_name": "doe", "zip": "94105"}""").Content);
        Assert.Equal("Error: User not found", env.Call("find_user_id_by_name_zip", """{"first_name": "John", "last_name": "Doe", "zip": "94105"}""").Err());
        Assert.Equal("Error: User not found", env.Call("find_user_id_by_name_zip", """{"first_name": "Sara", "last_name": "Doe", "zip": 94105}""").Err());
        Assert.Equal("sara_doe_496", env.Call("find_user_id_by_email", """{"email": "Sara.Doe@example.com"}""").Content);
        Assert.Equal("Error: User not found", env.Call("find_user_id_by_email", """{"email": "nonexistent@example.com"}""").Err());
        Assert.Equal("Error: 'NoneType' object has no attribute 'lower'", env.Call("find_user_id_by_email", """{"email": null}""").Err());
        Assert.Equal("#W0000000", env.Call("get_order_details", $$"""{{{Order0}}}""").Ok()["order_id"]);
        Assert.Equal("Error: Order not found", env.Call("get_order_details", """{"order_id": "#NONEXISTENT"}""").Err());
        Assert.Equal("Error: Order not found", env.Call("get_order_details", """{"order_id": 12345}""").Err());
        Assert.Equal("Error: unhashable type: 'list'", env.Call("get_order_details", """{"order_id": ["#W0000000"]}""").Err());
        Assert.Equal("Classic T-Shirt", env.Call("get_product_details", """{"product_id": "6086499569"}""").Ok()["name"]);
        Assert.Equal("Error: Product not found", env.Call("get_product_details", """{"product_id": "NONEXISTENT"}""").Err());
        Assert.Equal("Error: User not found", env.Call("get_user_details", """{"user_id": "NONEXISTENT"}""").Err());
        Assert.Equal("""{"Classic T-Shirt": "6086499569"}""", env.Call("list_all_product_types").Content);
        Assert.Equal("Transfer successful", env.Call("transfer_to_human_agents", """{"summary": "The user wants to cancel the order."}""").Content);
    }

    [Fact]
    public void User_details_dump_fields_in_model_order_with_float_balances()
    {
        var content = RetailFixture.Create().Call("get_user_details", """{"user_id": "sara_doe_496"}""").Content;
        Assert.Equal(
            "{\"user_id\": \"sara_doe_496\", \"name\": {\"first_name\": \"Sara\", \"last_name\": \"Doe\"}, " +
            "\"address\": {\"address1\": \"123 Main St\", \"address2\": \"Apt 1\", \"city\": \"San Francisco\", \"country\": \"USA\", \"state\": \"CA\", \"zip\": \"94105\"}, " +
            "\"email\": \"sara.doe@example.com\", \"payment_methods\": {" +
            "\"credit_card_0000000\": {\"source\": \"credit_card\", \"id\": \"credit_card_0000000\", \"brand\": \"visa\", \"last_four\": \"1234\"}, " +
            "\"gift_card_0000000\": {\"source\": \"gift_card\", \"id\": \"gift_card_0000000\", \"balance\": 100.0}}, \"orders\": [\"#W0000000\"]}",
            content);
    }

    [Fact]
    public void Address_changes_store_state_and_country_in_model_order()
    {
        var env = RetailFixture.Create();
        const string args = "\"address1\": \"456 New St\", \"address2\": \"Apt 2\", \"city\": \"San Francisco\", \"state\": \"CA\", \"country\": \"USA\", \"zip\": \"94106\"";
        var order = env.Call("modify_pending_order_address", $$"""{{{Order0}}, {{args}}}""").Ok();
        Assert.Equal(
            """{"address1": "456 New St", "address2": "Apt 2", "city": "San Francisco", "country": "USA", "state": "CA", "zip": "94106"}""",
            PyJson.Dumps(order["address"]));
        var user = env.Call("modify_user_address", $$"""{"user_id": "sara_doe_496", {{args}}}""").Ok();
        Assert.Equal("94106", ((PyDict)user["address"]!)["zip"]);
        Assert.Equal("Error: User not found", env.Call("modify_user_address", $$"""{"user_id": "NONEXISTENT", {{args}}}""").Err());
        Assert.Equal(
            "Error: 1 validation error for UserAddress\nzip\n  Input should be a valid string [type=string_type, input_value=94106, input_type=int]\n" +
            "    For further information visit https://errors.pydantic.dev/2.13/v/string_type",
            env.Call("modify_user_address", $$"""{"user_id": "sara_doe_496", {{args.Replace("\"94106\"", "94106")}}}""").Err());

        env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse("""{"orders": {"#W0000000": {"status": "delivered"}}}""")! }, null);
        Assert.Equal("Error: Non-pending order cannot be modified", env.Call("modify_pending_order_address", $$"""{{{Order0}}, {{args}}}""").Err());
    }

    [Fact]
    public void Modify_items_once_then_only_address_and_payment_changes_accept_the_order()
    {
        var env = RetailFixture.Create();
        var order = env.Call("modify_pending_order_items",
            $$"""{{{Order0}}, "item_ids": ["1008292230"], "new_item_ids": ["1008292231"], "payment_method_id": "credit_card_0000000"}""").Ok();
        Assert.Equal("pending (item modified)", order["status"]);
        var item = (PyDict)((List<object?>)order["items"]!)[0]!;
        Assert.Equal("1008292231", item["item_id"]);
        Assert.Equal("""{"size": "L", "color": "blue"}""", PyJson.Dumps(item["options"]));
        Assert.Equal("""{"transaction_type": "refund", "amount": 0.0, "payment_method_id": "credit_card_0000000"}""", PyJson.Dumps(Entry(order, 1)));

        Assert.Equal("Error: Non-pending order cannot be modified", env.Call("modify_pending_order_items",
            $$"""{{{Order0}}, "item_ids": ["1008292231"], "new_item_ids": ["1008292230"], "payment_method_id": "credit_card_0000000"}""").Err());
        Assert.Equal("Error: Non-pending order cannot be cancelled", env.Call("cancel_pending_order", $$"""{{{Order0}}, "reason": "ordered by mistake"}""").Err());
        Assert.False(env.Call("modify_pending_order_address",
            $$"""{{{Order0}}, "address1": "a", "address2": "b", "city": "c", "state": "d", "country": "e", "zip": "f"}""").Error);
        // the payment change passes the status check and stops at the history check
        Assert.Equal("Error: There should be exactly one payment for a pending order",
            env.Call("modify_pending_order_payment", $$"""{{{Order0}}, "payment_method_id": "gift_card_0000000"}""").Err());
    }

    [Fact]
    public void Payment_change_moves_the_amount_and_rounds_gift_card_balances()
    {
        var env = RetailFixture.Create();
        var order = env.Call("modify_pending_order_payment", $$"""{{{Order0}}, "payment_method_id": "gift_card_0000000"}""").Ok();
        Assert.Equal(3, History(order).Count);
        Assert.Equal("""{"transaction_type": "payment", "amount": 29.99, "payment_method_id": "gift_card_0000000"}""", PyJson.Dumps(Entry(order, 1)));
        Assert.Equal("""{"transaction_type": "refund", "amount": 29.99, "payment_method_id": "credit_card_0000000"}""", PyJson.Dumps(Entry(order, 2)));
        Assert.Equal(70.01, env.GiftCardBalance());
        Assert.Equal("Error: There should be exactly one payment for a pending order",
            env.Call("modify_pending_order_payment", $$"""{{{Order0}}, "payment_method_id": "credit_card_0000000"}""").Err());

        // cancelling now refunds all three entries, the refund included; the gift card gets 29.99 back
        order = env.Call("cancel_pending_order", $$"""{{{Order0}}, "reason": "no longer needed"}""").Ok();
        Assert.Equal(6, History(order).Count);
        Assert.Equal("""{"transaction_type": "refund", "amount": 29.99, "payment_method_id": "credit_card_0000000"}""", PyJson.Dumps(Entry(order, 5)));
        Assert.Equal(100.0, env.GiftCardBalance());
    }

    [Fact]
    public void Payment_change_errors_in_reference_order()
    {
        var env = RetailFixture.Create();
        Assert.Equal("Error: Payment method not found", env.Call("modify_pending_order_payment", $$"""{{{Order0}}, "payment_method_id": "paypal_9"}""").Err());
        Assert.Equal("Error: The new payment method should be different from the current one",
            env.Call("modify_pending_order_payment", $$"""{{{Order0}}, "payment_method_id": "credit_card_0000000"}""").Err());
    }

    [Fact]
    public void Returns_check_the_payment_method_before_the_items()
    {
        var env = RetailFixture.Create();
        const string args = "\"item_ids\": [\"1008292230\"], \"payment_method_id\": \"credit_card_0000000\"";
        Assert.Equal("Error: Non-delivered order cannot be returned", env.Call("return_delivered_order_items", $$"""{{{Order0}}, {{args}}}""").Err());
        env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse("""{"orders": {"#W0000000": {"status": "delivered"}}}""")! }, null);
        Assert.Equal("Error: Payment method not found",
            env.Call("return_delivered_order_items", $$"""{{{Order0}}, "item_ids": null, "payment_method_id": "x"}""").Err());
        Assert.Equal("Error: 'NoneType' object is not iterable",
            env.Call("return_delivered_order_items", $$"""{{{Order0}}, "item_ids": null, "payment_method_id": "gift_card_0000000"}""").Err());
        Assert.Equal("Error: Some item not found",
            env.Call("return_delivered_order_items", $$"""{{{Order0}}, "item_ids": ["1008292230", "1008292230"], "payment_method_id": "gift_card_0000000"}""").Err());
        var order = env.Call("return_delivered_order_items", $$"""{{{Order0}}, {{args}}}""").Ok();
        Assert.Equal("return requested", order["status"]);
        Assert.Equal("[\"1008292230\"]", PyJson.Dumps(order["return_items"]));
        Assert.Equal("credit_card_0000000", order["return_payment_method_id"]);
    }

    [Fact]
    public void Cancel_checks_the_reason_exactly()
    {
        var env = RetailFixture.Create();
        Assert.Equal("Error: Invalid reason", env.Call("cancel_pending_order", $$"""{{{Order0}}, "reason": "No longer needed"}""").Err());
        Assert.Equal("Error: unhashable type: 'list'", env.Call("cancel_pending_order", $$"""{{{Order0}}, "reason": ["no longer needed"]}""").Err());
        Assert.Equal("Error: RetailTools.cancel_pending_order() missing 1 required positional argument: 'reason'",
            env.Call("cancel_pending_order", $$"""{{{Order0}}}""").Err());
    }

    [Fact]
    public void Multi_item_modification_keeps_float_noise_and_gives_every_item_the_last_variant()
    {
        var env = RetailFixture.Create(extended: true);
        var order = env.Call("modify_pending_order_items",
            """{"order_id": "#W0000001", "item_ids": ["2000000001", "2000000003"], "new_item_ids": ["2000000002", "2000000004"], "payment_method_id": "gift_card_0000000"}""").Ok();
        // (15.51 - 10.0) + (12.01 - 20.0), unrounded
        Assert.Equal("""{"transaction_type": "refund", "amount": 2.4800000000000004, "payment_method_id": "gift_card_0000000"}""", PyJson.Dumps(Entry(order, 1)));
        Assert.Equal(102.48, env.GiftCardBalance());
        var items = ((List<object?>)order["items"]!).Cast<PyDict>().ToList();
        Assert.Equal(["2000000002", "2000000004"], items.Select(i => (string)i["item_id"]!));
        Assert.All(items, i => Assert.Equal(12.01, i["price"]));
        Assert.All(items, i => Assert.Equal("""{"color": "c4"}""", PyJson.Dumps(i["options"])));
    }

    [Fact]
    public void Modify_items_errors_in_reference_order()
    {
        var env = RetailFixture.Create(extended: true);
        string Call(string items, string newItems, string method = "credit_card_0000000") => env.Call("modify_pending_order_items",
            $$"""{"order_id": "#W0000001", "item_ids": {{items}}, "new_item_ids": {{newItems}}, "payment_method_id": "{{method}}"}""").Err();
        Assert.Equal("Error: 2000000002 not found", Call("""["2000000002"]""", """["2000000004"]"""));
        Assert.Equal("Error: a not found", Call("\"abc\"", "\"abd\""));
        Assert.Equal("Error: The number of items to be exchanged should match", Call("""["2000000001"]""", "[]"));
        Assert.Equal("Error: The new item id should be different from the old item id", Call("""["2000000001"]""", """["2000000001"]"""));
        Assert.Equal("Error: New item 2000000005 not found or available", Call("""["2000000001"]""", """["2000000005"]"""));
        Assert.Equal("Error: Variant not found", Call("""["2000000001"]""", """["1008292231"]"""));
        Assert.Equal("Error: Payment method not found", Call("""["2000000001"]""", """["2000000002"]""", "paypal_9"));
        Assert.Equal("Error: 'NoneType' object is not iterable", Call("null", "[]"));
        Assert.Equal("Error: object of type 'int' has no len()", Call("[]", "5"));
    }

    [Fact]
    public void Modify_items_with_a_short_gift_card_changes_nothing()
    {
        var env = RetailFixture.Create(extended: true);
        env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse(
            """{"users": {"sara_doe_496": {"payment_methods": {"gift_card_0000000": {"source": "gift_card", "id": "gift_card_0000000", "balance": 5.0}}}}}""")! }, null);
        string before = env.AgentDbHash()!;
        Assert.Equal("Error: Insufficient gift card balance to pay for the new item", env.Call("modify_pending_order_items",
            """{"order_id": "#W0000001", "item_ids": ["2000000001"], "new_item_ids": ["2000000002"], "payment_method_id": "gift_card_0000000"}""").Err());
        Assert.Equal(before, env.AgentDbHash());
    }

    [Fact]
    public void Exchange_sorts_id_lists_and_rounds_the_difference()
    {
        var env = RetailFixture.Create(extended: true);
        var order = env.Call("exchange_delivered_order_items",
            """{"order_id": "#W0000002", "item_ids": ["2000000003", "2000000001"], "new_item_ids": ["2000000004", "2000000002"], "payment_method_id": "gift_card_0000000"}""").Ok();
        Assert.Equal("""["2000000001", "2000000003"]""", PyJson.Dumps(order["exchange_items"]));
        Assert.Equal("""["2000000002", "2000000004"]""", PyJson.Dumps(order["exchange_new_items"]));
        Assert.Equal("-2.48", PyJson.Dumps(order["exchange_price_difference"]));
        Assert.Equal(100.0, env.GiftCardBalance());
        Assert.Equal("Error: Non-delivered order cannot be exchanged", env.Call("exchange_delivered_order_items",
            """{"order_id": "#W0000002", "item_ids": [], "new_item_ids": [], "payment_method_id": "gift_card_0000000"}""").Err());
    }

    [Fact]
    public void Exchange_without_items_stores_the_int_zero()
    {
        var env = RetailFixture.Create(extended: true);
        var m = env.Call("exchange_delivered_order_items",
            """{"order_id": "#W0000002", "item_ids": [], "new_item_ids": [], "payment_method_id": "credit_card_0000000"}""");
        Assert.Contains("\"exchange_price_difference\": 0,", m.Content);
    }

    [Fact]
    public void Exchange_errors_in_reference_order()
    {
        var env = RetailFixture.Create(extended: true);
        string Call(string items, string newItems, string method = "credit_card_0000000") => env.Call("exchange_delivered_order_items",
            $$"""{"order_id": "#W0000002", "item_ids": {{items}}, "new_item_ids": {{newItems}}, "payment_method_id": "{{method}}"}""").Err();
        Assert.Equal("Error: Number of 2000000001 not found.", Call("""["2000000001", "2000000001"]""", """["2000000002", "2000000002"]"""));
        Assert.Equal("Error: Number of 2 not found.", Call("\"2000000001\"", "\"2000000002\""));
        Assert.Equal("Error: The number of items to be exchanged should match.", Call("""["2000000001"]""", "[]"));
        Assert.Equal("Error: New item 2000000005 not found or available", Call("""["2000000001"]""", """["2000000005"]"""));
        Assert.Equal("Error: Payment method not found", Call("""["2000000001"]""", """["2000000001"]""", "paypal_9"));
        Assert.Equal("Error: Number of 5 not found.", Call("""["2000000001", 5]""", """["2000000002", 6]"""));
    }

    [Fact]
    public void Cancel_keeps_gift_card_credits_made_before_a_failing_lookup()
    {
        var env = RetailFixture.Create(extended: true);
        Assert.Equal("Error: Payment method not found",
            env.Call("cancel_pending_order", """{"order_id": "#W0000003", "reason": "ordered by mistake"}""").Err());
        Assert.Equal(105.0, env.GiftCardBalance());
        Assert.Equal("pending", env.Record("orders", "#W0000003")["status"]);
    }

    [Fact]
    public void Retail_refuses_solo_mode()
    {
        var e = Assert.Throws<NotSupportedException>(() => TestData.Registry.Get("retail").CreateEnvironment(soloMode: true));
        Assert.Equal("Retail domain does not support solo mode", e.Message);
    }

    [Fact]
    public void Unknown_tools_and_user_calls_fail_like_the_reference()
    {
        var env = RetailFixture.Create();
        Assert.Equal("Error: Tool 'delete_order' not found.", env.Call("delete_order", $$"""{{{Order0}}}""").Err());
        var m = env.GetResponse(new Tau2Observe.Engine.Simulation.ToolCall { Name = "get_order_details", Arguments = (PyDict)PyJson.Parse($$"""{{{Order0}}}""")!, Requestor = "user" });
        Assert.Equal("Error: User tools not available", m.Err());
        Assert.Equal("Error: tau2.environment.environment.Environment.make_tool_call() got multiple values for keyword argument 'requestor'",
            env.Call("get_user_details", """{"user_id": "sara_doe_496", "requestor": "assistant"}""").Err());
        Assert.Equal("Error: Environment.make_tool_call() got multiple values for argument 'tool_name'",
            env.Call("get_user_details", """{"user_id": "sara_doe_496", "tool_name": "x"}""").Err());
    }
}
