using Tau2Observe.Engine.Domains.Retail;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>
/// tau2's retail test fixture (spec §9.1: user sara_doe_496, pending order #W0000000, product
/// 6086499569), optionally extended with a four-variant product and three more orders for the
/// multi-item and partial-mutation cases.
/// </summary>
public static class RetailFixture
{
    private const string Address =
        """{"address1": "123 Main St", "address2": "Apt 1", "city": "San Francisco", "country": "USA", "state": "CA", "zip": "94105"}""";

    private static readonly string Base = """
        {
          "products": {
            "6086499569": {"name": "Classic T-Shirt", "product_id": "6086499569", "variants": {
              "1008292230": {"item_id": "1008292230", "options": {"size": "M", "color": "blue"}, "available": true, "price": 29.99},
              "1008292231": {"item_id": "1008292231", "options": {"size": "L", "color": "blue"}, "available": true, "price": 29.99}}}
          },
          "users": {
            "sara_doe_496": {"user_id": "sara_doe_496", "name": {"first_name": "Sara", "last_name": "Doe"}, "address": ADDRESS,
              "email": "sara.doe@example.com",
              "payment_methods": {
                "credit_card_0000000": {"source": "credit_card", "id": "credit_card_0000000", "brand": "visa", "last_four": "1234"},
                "gift_card_0000000": {"source": "gift_card", "id": "gift_card_0000000", "balance": 100.0}},
              "orders": ["#W0000000"]}
          },
          "orders": {
            "#W0000000": {"order_id": "#W0000000", "user_id": "sara_doe_496", "address": ADDRESS,
              "items": [{"name": "Classic T-Shirt", "product_id": "6086499569", "item_id": "1008292230", "price": 29.99, "options": {"size": "M", "color": "blue"}}],
              "status": "pending", "fulfillments": [],
              "payment_history": [{"transaction_type": "payment", "amount": 29.99, "payment_method_id": "credit_card_0000000"}]}
          }
        }
        """.Replace("ADDRESS", Address);

    /// <summary>Lamp variants 2000000001..5 (10.0, 15.51, 20.0, 12.01, 11.0 unavailable) and orders #W0000001..3.</summary>
    private static readonly string Extension = """
        {
          "products": {
            "7000000000": {"name": "Lamp", "product_id": "7000000000", "variants": {
              "2000000001": {"item_id": "2000000001", "options": {"color": "c1"}, "available": true, "price": 10.0},
              "2000000002": {"item_id": "2000000002", "options": {"color": "c2"}, "available": true, "price": 15.51},
              "2000000003": {"item_id": "2000000003", "options": {"color": "c3"}, "available": true, "price": 20.0},
              "2000000004": {"item_id": "2000000004", "options": {"color": "c4"}, "available": true, "price": 12.01},
              "2000000005": {"item_id": "2000000005", "options": {"color": "c5"}, "available": false, "price": 11.0}}}
          },
          "users": {"sara_doe_496": {"orders": ["#W0000000", "#W0000001", "#W0000002", "#W0000003"]}},
          "orders": {
            "#W0000001": {"order_id": "#W0000001", "user_id": "sara_doe_496", "address": ADDRESS, "items": [ITEM1, ITEM3],
              "status": "pending", "fulfillments": [],
              "payment_history": [{"transaction_type": "payment", "amount": 30.0, "payment_method_id": "credit_card_0000000"}]},
            "#W0000002": {"order_id": "#W0000002", "user_id": "sara_doe_496", "address": ADDRESS, "items": [ITEM3, ITEM1],
              "status": "delivered", "fulfillments": [],
              "payment_history": [{"transaction_type": "payment", "amount": 30.0, "payment_method_id": "credit_card_0000000"}]},
            "#W0000003": {"order_id": "#W0000003", "user_id": "sara_doe_496", "address": ADDRESS, "items": [ITEM1],
              "status": "pending", "fulfillments": [],
              "payment_history": [{"transaction_type": "payment", "amount": 5.0, "payment_method_id": "gift_card_0000000"},
                                  {"transaction_type": "payment", "amount": 5.0, "payment_method_id": "paypal_0000000"}]}
          }
        }
        """
        .Replace("ADDRESS", Address)
        .Replace("ITEM1", """{"name": "Lamp", "product_id": "7000000000", "item_id": "2000000001", "price": 10.0, "options": {"color": "c1"}}""")
        .Replace("ITEM3", """{"name": "Lamp", "product_id": "7000000000", "item_id": "2000000003", "price": 20.0, "options": {"color": "c3"}}""");

    public static DomainEnvironment Create(bool extended = false)
    {
        var data = (PyDict)PyJson.Parse(Base)!;
        if (extended) data = DomainEnvironment.DeepMerge(data, (PyDict)PyJson.Parse(Extension)!);
        return new DomainEnvironment(RetailDomain.DomainName, "", new RetailTools(RetailSchemas.Db.Validate(data)), userTools: null);
    }

    public static Message Call(this DomainEnvironment env, string name, string argumentsJson = "{}") =>
        env.GetResponse(new ToolCall { Id = "c", Name = name, Arguments = (PyDict)PyJson.Parse(argumentsJson)! });

    /// <summary>The successful result parsed back into Python-like values.</summary>
    public static PyDict Ok(this Message m)
    {
        Assert.False(m.Error, m.Content);
        return (PyDict)PyJson.Parse(m.Content!)!;
    }

    public static string Err(this Message m)
    {
        Assert.True(m.Error, m.Content);
        return m.Content!;
    }

    public static PyDict Record(this DomainEnvironment env, string table, string key) =>
        (PyDict)((PyDict)env.AgentTools.Db![table]!)[key]!;

    public static double GiftCardBalance(this DomainEnvironment env) =>
        (double)((PyDict)((PyDict)env.Record("users", "sara_doe_496")["payment_methods"]!)["gift_card_0000000"]!)["balance"]!;
}
