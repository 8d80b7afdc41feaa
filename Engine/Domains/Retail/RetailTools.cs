using Tau2Observe.Engine.Domains.Calculator;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Retail;

/// <summary>
/// tau2's retail agent tools (spec domains-airline-retail-mock §3), in tau2's registry order.
/// Arguments are unvalidated: every step mirrors the reference's Python so that wrong kinds fail
/// (or are stored) exactly as there, and its quirks are kept on purpose — no rollback after a
/// partial mutation, unrounded price differences when modifying items, every modified item taking
/// the last validated variant's price and options, id lists stored sorted.
/// Records shared with the pristine database are copied (<see cref="Toolkit.Own"/>) before any change.
/// </summary>
public sealed class RetailTools(PyRecord db) : Toolkit
{
    private static readonly ToolMethodTable Table = new ToolCatalog<RetailTools>()
        .Tool("calculate", ToolType.Generic, (_, a) => PythonCalculator.Calculate(a["expression"]), P("expression"))
        .Tool("cancel_pending_order", ToolType.Write, (t, a) => t.CancelPendingOrder(a["order_id"], a["reason"]),
            P("order_id"), P("reason"))
        .Tool("exchange_delivered_order_items", ToolType.Write,
            (t, a) => t.ExchangeDeliveredOrderItems(a["order_id"], a["item_ids"], a["new_item_ids"], a["payment_method_id"]),
            P("order_id"), P("item_ids"), P("new_item_ids"), P("payment_method_id"))
        .Tool("find_user_id_by_name_zip", ToolType.Read, (t, a) => t.FindUserIdByNameZip(a["first_name"], a["last_name"], a["zip"]),
            P("first_name"), P("last_name"), P("zip"))
        .Tool("find_user_id_by_email", ToolType.Read, (t, a) => t.FindUserIdByEmail(a["email"]), P("email"))
        .Tool("get_order_details", ToolType.Read, (t, a) => t.GetOrder(a["order_id"]), P("order_id"))
        .Tool("get_product_details", ToolType.Read, (t, a) => t.GetProduct(a["product_id"]), P("product_id"))
        .Tool("get_user_details", ToolType.Read, (t, a) => t.GetUser(a["user_id"]), P("user_id"))
        .Tool("list_all_product_types", ToolType.Read, (t, _) => t.ListAllProductTypes())
        .Tool("modify_pending_order_address", ToolType.Write,
            (t, a) => t.ModifyPendingOrderAddress(a["order_id"], a["address1"], a["address2"], a["city"], a["state"], a["country"], a["zip"]),
            P("order_id"), P("address1"), P("address2"), P("city"), P("state"), P("country"), P("zip"))
        .Tool("modify_pending_order_items", ToolType.Write,
            (t, a) => t.ModifyPendingOrderItems(a["order_id"], a["item_ids"], a["new_item_ids"], a["payment_method_id"]),
            P("order_id"), P("item_ids"), P("new_item_ids"), P("payment_method_id"))
        .Tool("modify_pending_order_payment", ToolType.Write,
            (t, a) => t.ModifyPendingOrderPayment(a["order_id"], a["payment_method_id"]),
            P("order_id"), P("payment_method_id"))
        .Tool("modify_user_address", ToolType.Write,
            (t, a) => t.ModifyUserAddress(a["user_id"], a["address1"], a["address2"], a["city"], a["state"], a["country"], a["zip"]),
            P("user_id"), P("address1"), P("address2"), P("city"), P("state"), P("country"), P("zip"))
        .Tool("return_delivered_order_items", ToolType.Write,
            (t, a) => t.ReturnDeliveredOrderItems(a["order_id"], a["item_ids"], a["payment_method_id"]),
            P("order_id"), P("item_ids"), P("payment_method_id"))
        .Tool("transfer_to_human_agents", ToolType.Generic, (_, _) => "Transfer successful", P("summary"))
        .Build();

    private static ToolParameter P(string name) => new(name);

    private PyRecord _db = db;

    public override string ClassName => "RetailTools";

    public override ToolMethodTable Methods => Table;

    public override PyRecord? Db => _db;

    public override void ReplaceDb(PyDict merged) => _db = RetailSchemas.Db.Validate(merged);

    private PyDict Products => (PyDict)_db["products"]!;
    private PyDict Users => (PyDict)_db["users"]!;
    private PyDict Orders => (PyDict)_db["orders"]!;

    // ---- lookups (tau2's _get_* helpers) ----

    private PyRecord GetOrder(object? orderId) =>
        PyMembership.InDict(Orders, orderId) ? (PyRecord)Orders[(string)orderId!]! : throw new ToolCallException("Order not found");

    private PyRecord GetUser(object? userId) =>
        PyMembership.InDict(Users, userId) ? (PyRecord)Users[(string)userId!]! : throw new ToolCallException("User not found");

    private PyRecord GetProduct(object? productId) =>
        PyMembership.InDict(Products, productId) ? (PyRecord)Products[(string)productId!]! : throw new ToolCallException("Product not found");

    private PyRecord GetVariant(object? productId, object? variantId)
    {
        var variants = (PyDict)GetProduct(productId)["variants"]!;
        return PyMembership.InDict(variants, variantId) ? (PyRecord)variants[(string)variantId!]! : throw new ToolCallException("Variant not found");
    }

    private PyRecord GetPaymentMethod(object? userId, object? paymentMethodId)
    {
        var methods = (PyDict)GetUser(userId)["payment_methods"]!;
        return PyMembership.InDict(methods, paymentMethodId)
            ? (PyRecord)methods[(string)paymentMethodId!]!
            : throw new ToolCallException("Payment method not found");
    }

    /// <summary>The payment method inside this environment's own copy of the user, for changing a balance.</summary>
    private PyRecord OwnPaymentMethod(object? userId, object? paymentMethodId)
    {
        GetPaymentMethod(userId, paymentMethodId);
        var user = Own(Users, (string)userId!);
        return (PyRecord)((PyDict)user["payment_methods"]!)[(string)paymentMethodId!]!;
    }

    private static bool IsGiftCard(PyRecord paymentMethod) => paymentMethod.ModelName == RetailSchemas.GiftCard.Name;

    private static double Balance(PyRecord giftCard) => PyValue.ToDouble(giftCard["balance"]);

    private static string Status(PyRecord order) => order["status"] as string ?? "";

    private static List<object?> ItemIds(PyRecord order) =>
        ((List<object?>)order["items"]!).Select(i => ((PyDict)i!)["item_id"]).ToList();

    private static PyRecord? FirstItem(PyRecord order, object? itemId) =>
        ((List<object?>)order["items"]!).Cast<PyRecord>().FirstOrDefault(i => PyEquality.Equals(i["item_id"], itemId));

    /// <summary>tau2's per-id check: an id requested more often than the order holds it fails.</summary>
    private static void CheckItemCounts(object? requested, List<object?> available, Func<object?, string> message)
    {
        foreach (var id in PySequence.Iterate(requested))
        {
            if (PySequence.Count(requested, id) > available.LongCount(x => PyEquality.Equals(x, id)))
                throw new ToolCallException(message(id));
        }
    }

    private static PyRecord Payment(string type, object? amount, object? paymentMethodId) =>
        RetailSchemas.OrderPayment.Validate(new PyDict
        {
            ["transaction_type"] = type,
            ["amount"] = amount,
            ["payment_method_id"] = paymentMethodId,
        });

    private static PyRecord Address(object? address1, object? address2, object? city, object? state, object? country, object? zip) =>
        RetailSchemas.UserAddress.Validate(new PyDict
        {
            ["address1"] = address1,
            ["address2"] = address2,
            ["city"] = city,
            ["country"] = country,
            ["state"] = state,
            ["zip"] = zip,
        });

    // ---- tools ----

    private PyRecord CancelPendingOrder(object? orderId, object? reason)
    {
        var order = GetOrder(orderId);
        if (Status(order) != "pending") throw new ToolCallException("Non-pending order cannot be cancelled");
        if (!PyMembership.InSet(["no longer needed", "ordered by mistake"], reason)) throw new ToolCallException("Invalid reason");

        // every history entry (refunds included) is refunded; gift cards are credited at once
        var refunds = new List<object?>();
        foreach (var payment in ((List<object?>)order["payment_history"]!).Cast<PyRecord>())
        {
            var methodId = payment["payment_method_id"];
            refunds.Add(Payment("refund", payment["amount"], methodId));
            var userId = GetUser(order["user_id"])["user_id"];
            if (IsGiftCard(GetPaymentMethod(userId, methodId)))
            {
                var card = OwnPaymentMethod(userId, methodId);
                card["balance"] = PyFloat.Round(Balance(card) + PyValue.ToDouble(payment["amount"]), 2);
            }
        }

        order = Own(Orders, (string)orderId!);
        order["status"] = "cancelled";
        order["cancel_reason"] = reason;
        ((List<object?>)order["payment_history"]!).AddRange(refunds);
        return order;
    }

    private PyRecord ExchangeDeliveredOrderItems(object? orderId, object? itemIds, object? newItemIds, object? paymentMethodId)
    {
        var order = GetOrder(orderId);
        if (Status(order) != "delivered") throw new ToolCallException("Non-delivered order cannot be exchanged");
        CheckItemCounts(itemIds, ItemIds(order), id => $"Number of {PyRepr.Str(id)} not found.");
        if (PySequence.Len(itemIds) != PySequence.Len(newItemIds))
            throw new ToolCallException("The number of items to be exchanged should match.");

        object diff = 0L; // Python starts from the int 0: no pairs leave an int difference
        foreach (var (itemId, newItemId) in PySequence.Iterate(itemIds).Zip(PySequence.Iterate(newItemIds)))
        {
            var item = FirstItem(order, itemId) ?? throw new ToolCallException($"Item {PyRepr.Str(itemId)} not found");
            var variant = GetVariant(item["product_id"], newItemId);
            if (!PyValue.Truthy(variant["available"]))
                throw new ToolCallException($"New item {PyRepr.Str(newItemId)} not found or available");
            diff = PyValue.ToDouble(diff) + (PyValue.ToDouble(variant["price"]) - PyValue.ToDouble(item["price"]));
        }
        if (diff is double d) diff = PyFloat.Round(d, 2);

        var method = GetPaymentMethod(order["user_id"], paymentMethodId);
        if (IsGiftCard(method) && Balance(method) < PyValue.ToDouble(diff))
            throw new ToolCallException("Insufficient gift card balance to pay for the price difference");

        order = Own(Orders, (string)orderId!);
        order["status"] = "exchange requested";
        order["exchange_items"] = PySequence.Sorted(itemIds);
        order["exchange_new_items"] = PySequence.Sorted(newItemIds);
        order["exchange_payment_method_id"] = paymentMethodId;
        order["exchange_price_difference"] = diff;
        return order;
    }

    private string FindUserIdByNameZip(object? firstName, object? lastName, object? zip)
    {
        foreach (var (userId, value) in Users)
        {
            var user = (PyRecord)value!;
            var name = (PyDict)user["name"]!;
            if (Lower(name["first_name"]) == Lower(firstName)
                && Lower(name["last_name"]) == Lower(lastName)
                && PyEquality.Equals(((PyDict)user["address"]!)["zip"], zip))
                return userId;
        }
        throw new ToolCallException("User not found");
    }

    private string FindUserIdByEmail(object? email)
    {
        foreach (var (userId, value) in Users)
        {
            if (Lower(((PyRecord)value!)["email"]) == Lower(email)) return userId;
        }
        throw new ToolCallException("User not found");
    }

    /// <summary>Python's <c>value.lower()</c>; only a str has it.</summary>
    private static string Lower(object? value) =>
        value is string s ? s.ToLowerInvariant() : throw new ToolCallException($"'{PyValue.TypeName(value)}' object has no attribute 'lower'");

    /// <summary>A JSON text (not a record) mapping product names to ids, keys sorted.</summary>
    private string ListAllProductTypes()
    {
        var byName = new PyDict();
        foreach (PyRecord product in Products.Values.Cast<PyRecord>())
            byName[(string)product["name"]!] = product["product_id"];
        return PyJson.Dumps(byName, sortKeys: true);
    }

    private PyRecord ModifyPendingOrderAddress(object? orderId, object? address1, object? address2, object? city, object? state, object? country, object? zip)
    {
        var order = GetOrder(orderId);
        if (!Status(order).Contains("pending", StringComparison.Ordinal))
            throw new ToolCallException("Non-pending order cannot be modified");
        var address = Address(address1, address2, city, state, country, zip);
        order = Own(Orders, (string)orderId!);
        order["address"] = address;
        return order;
    }

    private PyRecord ModifyPendingOrderItems(object? orderId, object? itemIds, object? newItemIds, object? paymentMethodId)
    {
        var order = GetOrder(orderId);
        if (Status(order) != "pending") throw new ToolCallException("Non-pending order cannot be modified");
        CheckItemCounts(itemIds, ItemIds(order), id => $"{PyRepr.Str(id)} not found");
        if (PySequence.Len(itemIds) != PySequence.Len(newItemIds))
            throw new ToolCallException("The number of items to be exchanged should match");

        object diff = 0L;
        PyRecord? variant = null; // the reference reuses the loop's last variant when applying every pair
        var pairs = PySequence.Iterate(itemIds).Zip(PySequence.Iterate(newItemIds)).ToList();
        foreach (var (itemId, newItemId) in pairs)
        {
            if (PyEquality.Equals(itemId, newItemId))
                throw new ToolCallException("The new item id should be different from the old item id");
            var item = FirstItem(order, itemId) ?? throw new ToolCallException($"Item {PyRepr.Str(itemId)} not found");
            variant = GetVariant(item["product_id"], newItemId);
            if (!PyValue.Truthy(variant["available"]))
                throw new ToolCallException($"New item {PyRepr.Str(newItemId)} not found or available");
            // not rounded: float noise such as 5.510000000000002 reaches the payment history
            diff = PyValue.ToDouble(diff) + (PyValue.ToDouble(variant["price"]) - PyValue.ToDouble(item["price"]));
        }

        var method = GetPaymentMethod(order["user_id"], paymentMethodId);
        double difference = PyValue.ToDouble(diff);
        if (IsGiftCard(method) && Balance(method) < difference)
            throw new ToolCallException("Insufficient gift card balance to pay for the new item");

        order = Own(Orders, (string)orderId!);
        object amount = diff is double dd ? Math.Abs(dd) : diff;
        ((List<object?>)order["payment_history"]!).Add(Payment(difference > 0 ? "payment" : "refund", amount, paymentMethodId));
        if (IsGiftCard(method))
        {
            var card = OwnPaymentMethod(order["user_id"], paymentMethodId);
            card["balance"] = PyFloat.Round(Balance(card) - difference, 2);
        }

        foreach (var (itemId, newItemId) in pairs)
        {
            var item = FirstItem(order, itemId) ?? throw new ToolCallException($"Item {PyRepr.Str(itemId)} not found");
            item["item_id"] = newItemId;
            item["price"] = variant!["price"];
            item["options"] = PyValue.DeepClone(variant["options"]);
        }
        order["status"] = "pending (item modified)";
        return order;
    }

    private PyRecord ModifyPendingOrderPayment(object? orderId, object? paymentMethodId)
    {
        var order = GetOrder(orderId);
        if (!Status(order).Contains("pending", StringComparison.Ordinal))
            throw new ToolCallException("Non-pending order cannot be modified");
        var method = GetPaymentMethod(order["user_id"], paymentMethodId);
        var history = (List<object?>)order["payment_history"]!;
        if (history.Count != 1 || ((PyDict)history[0]!)["transaction_type"] as string != "payment")
            throw new ToolCallException("There should be exactly one payment for a pending order");
        var original = (PyDict)history[0]!;
        if (PyEquality.Equals(original["payment_method_id"], paymentMethodId))
            throw new ToolCallException("The new payment method should be different from the current one");
        var amount = original["amount"];
        if (IsGiftCard(method) && Balance(method) < PyValue.ToDouble(amount))
            throw new ToolCallException("Insufficient gift card balance to pay for the order");

        order = Own(Orders, (string)orderId!);
        history = (List<object?>)order["payment_history"]!;
        var originalMethodId = ((PyDict)history[0]!)["payment_method_id"];
        history.Add(Payment("payment", amount, paymentMethodId));
        history.Add(Payment("refund", amount, originalMethodId));
        if (IsGiftCard(method))
        {
            var card = OwnPaymentMethod(order["user_id"], paymentMethodId);
            card["balance"] = PyFloat.Round(Balance(card) - PyValue.ToDouble(amount), 2);
        }
        if (IsGiftCard(GetPaymentMethod(order["user_id"], originalMethodId)))
        {
            var card = OwnPaymentMethod(order["user_id"], originalMethodId);
            card["balance"] = PyFloat.Round(Balance(card) + PyValue.ToDouble(amount), 2);
        }
        return order;
    }

    private PyRecord ModifyUserAddress(object? userId, object? address1, object? address2, object? city, object? state, object? country, object? zip)
    {
        GetUser(userId);
        var address = Address(address1, address2, city, state, country, zip);
        var user = Own(Users, (string)userId!);
        user["address"] = address;
        return user;
    }

    private PyRecord ReturnDeliveredOrderItems(object? orderId, object? itemIds, object? paymentMethodId)
    {
        var order = GetOrder(orderId);
        if (Status(order) != "delivered") throw new ToolCallException("Non-delivered order cannot be returned");
        var user = GetUser(order["user_id"]);
        var method = GetPaymentMethod(user["user_id"], paymentMethodId);
        if (!IsGiftCard(method))
        {
            var history = (List<object?>)order["payment_history"]!;
            if (history.Count == 0) throw new ToolCallException("list index out of range");
            if (!PyEquality.Equals(paymentMethodId, ((PyDict)history[0]!)["payment_method_id"]))
                throw new ToolCallException("Payment method should be the original payment method");
        }
        CheckItemCounts(itemIds, ItemIds(order), _ => "Some item not found");

        order = Own(Orders, (string)orderId!);
        order["status"] = "return requested";
        order["return_items"] = PySequence.Sorted(itemIds);
        order["return_payment_method_id"] = paymentMethodId;
        return order;
    }
}
