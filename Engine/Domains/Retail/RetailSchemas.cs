using Tau2Observe.Engine.Data.Schema;

namespace Tau2Observe.Engine.Domains.Retail;

/// <summary>
/// The retail data model (tau2's <c>RetailDB</c>), fields in declaration order, which is the order
/// of tool-result dumps. The root forbids unknown keys; nested records drop them.
/// </summary>
public static class RetailSchemas
{
    public static readonly ModelSchema Variant = new ModelSchema("Variant")
        .Field("item_id", FieldType.Str)
        .Field("options", FieldType.DictOf(FieldType.Str))
        .Field("available", FieldType.Bool)
        .Field("price", FieldType.Float);

    public static readonly ModelSchema Product = new ModelSchema("Product")
        .Field("name", FieldType.Str)
        .Field("product_id", FieldType.Str)
        .Field("variants", FieldType.DictOf(FieldType.Model(Variant)));

    public static readonly ModelSchema UserName = new ModelSchema("UserName")
        .Field("first_name", FieldType.Str)
        .Field("last_name", FieldType.Str);

    /// <summary>Stored and dumped in this order, although the address tools take state before country.</summary>
    public static readonly ModelSchema UserAddress = new ModelSchema("UserAddress")
        .Field("address1", FieldType.Str)
        .Field("address2", FieldType.Str)
        .Field("city", FieldType.Str)
        .Field("country", FieldType.Str)
        .Field("state", FieldType.Str)
        .Field("zip", FieldType.Str);

    public static readonly ModelSchema CreditCard = new ModelSchema("CreditCard")
        .Tag("source", "credit_card")
        .Field("id", FieldType.Str)
        .Field("brand", FieldType.Str)
        .Field("last_four", FieldType.Str);

    public static readonly ModelSchema Paypal = new ModelSchema("Paypal")
        .Tag("source", "paypal")
        .Field("id", FieldType.Str);

    public static readonly ModelSchema GiftCard = new ModelSchema("GiftCard")
        .Tag("source", "gift_card")
        .Field("id", FieldType.Str)
        .Field("balance", FieldType.Float);

    public static readonly FieldType PaymentMethod = FieldType.TaggedUnion("source", CreditCard, GiftCard, Paypal);

    public static readonly ModelSchema User = new ModelSchema("User")
        .Field("user_id", FieldType.Str)
        .Field("name", FieldType.Model(UserName))
        .Field("address", FieldType.Model(UserAddress))
        .Field("email", FieldType.Str)
        .Field("payment_methods", FieldType.DictOf(PaymentMethod))
        .Field("orders", FieldType.ListOf(FieldType.Str));

    /// <summary>tau2's spelling of the model name.</summary>
    public static readonly ModelSchema OrderFulfillment = new ModelSchema("OrderFullfilment")
        .Field("tracking_id", FieldType.ListOf(FieldType.Str))
        .Field("item_ids", FieldType.ListOf(FieldType.Str));

    public static readonly ModelSchema OrderItem = new ModelSchema("OrderItem")
        .Field("name", FieldType.Str)
        .Field("product_id", FieldType.Str)
        .Field("item_id", FieldType.Str)
        .Field("price", FieldType.Float)
        .Field("options", FieldType.DictOf(FieldType.Str));

    public static readonly ModelSchema OrderPayment = new ModelSchema("OrderPayment")
        .Field("transaction_type", FieldType.Literal("payment", "refund"))
        .Field("amount", FieldType.Float)
        .Field("payment_method_id", FieldType.Str);

    public static readonly FieldType OrderStatus = FieldType.Literal(
        "processed", "pending", "pending (item modified)", "delivered", "cancelled", "exchange requested", "return requested");

    public static readonly ModelSchema Order = new ModelSchema("Order")
        .Field("order_id", FieldType.Str)
        .Field("user_id", FieldType.Str)
        .Field("address", FieldType.Model(UserAddress))
        .Field("items", FieldType.ListOf(FieldType.Model(OrderItem)))
        .Field("status", OrderStatus)
        .Field("fulfillments", FieldType.ListOf(FieldType.Model(OrderFulfillment)))
        .Field("payment_history", FieldType.ListOf(FieldType.Model(OrderPayment)))
        .Optional("cancel_reason", FieldType.Optional(FieldType.Str))
        .Optional("exchange_items", FieldType.Optional(FieldType.ListOf(FieldType.Str)))
        .Optional("exchange_new_items", FieldType.Optional(FieldType.ListOf(FieldType.Str)))
        .Optional("exchange_payment_method_id", FieldType.Optional(FieldType.Str))
        .Optional("exchange_price_difference", FieldType.Optional(FieldType.Float))
        .Optional("return_items", FieldType.Optional(FieldType.ListOf(FieldType.Str)))
        .Optional("return_payment_method_id", FieldType.Optional(FieldType.Str));

    public static readonly ModelSchema Db = new ModelSchema("RetailDB", forbidExtra: true)
        .Field("products", FieldType.DictOf(FieldType.Model(Product)))
        .Field("users", FieldType.DictOf(FieldType.Model(User)))
        .Field("orders", FieldType.DictOf(FieldType.Model(Order)));
}
