using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Telecom.PyOps;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The carrier's toolkit (the agent side, domain-telecom §2): 13 LLM tools plus the hidden setup,
/// assertion and lookup methods that task setup and grading call by name. Arguments arrive raw;
/// every value is handled with Python semantics so wrong kinds fail as the reference does.
/// </summary>
public sealed class TelecomTools : Toolkit
{
    private static readonly ToolMethodTable Table = new ToolCatalog<TelecomTools>()
        .Tool("get_customer_by_phone", ToolType.Read, (t, a) => t.GetCustomerByPhone(a["phone_number"]), P("phone_number"))
        .Tool("get_customer_by_id", ToolType.Read, (t, a) => t.GetCustomer(a["customer_id"]), P("customer_id"))
        .Tool("get_customer_by_name", ToolType.Read, (t, a) => t.GetCustomersByName(a["full_name"], a["dob"]), P("full_name"), P("dob"))
        .Tool("get_details_by_id", ToolType.Read, (t, a) => t.GetDetailsById(a["id"]), P("id"))
        .Tool("suspend_line", ToolType.Write, (t, a) => t.SuspendLine(a["customer_id"], a["line_id"]), P("customer_id"), P("line_id"), P("reason"))
        .Tool("resume_line", ToolType.Write, (t, a) => t.ResumeLine(a["customer_id"], a["line_id"]), P("customer_id"), P("line_id"))
        .Tool("get_bills_for_customer", ToolType.Read, (t, a) => t.GetBillsForCustomer(a["customer_id"], a["limit"]), P("customer_id"), ToolParameter.Optional("limit", 12L))
        .Tool("send_payment_request", ToolType.Write, (t, a) => t.SendPaymentRequest(a["customer_id"], a["bill_id"]), P("customer_id"), P("bill_id"))
        .Tool("get_data_usage", ToolType.Read, (t, a) => t.GetDataUsage(a["customer_id"], a["line_id"]), P("customer_id"), P("line_id"))
        .Tool("enable_roaming", ToolType.Write, (t, a) => t.SetRoaming(a["customer_id"], a["line_id"], true), P("customer_id"), P("line_id"))
        .Tool("disable_roaming", ToolType.Write, (t, a) => t.SetRoaming(a["customer_id"], a["line_id"], false), P("customer_id"), P("line_id"))
        .Tool("transfer_to_human_agents", ToolType.Generic, (_, _) => "Transfer successful", P("summary"))
        .Tool("refuel_data", ToolType.Write, (t, a) => t.RefuelData(a["customer_id"], a["line_id"], a["gb_amount"]), P("customer_id"), P("line_id"), P("gb_amount"))
        // hidden: task setup
        .Method("set_data_usage", (t, a) => t.SetDataUsage(a["customer_id"], a["line_id"], a["data_used_gb"]), P("customer_id"), P("line_id"), P("data_used_gb"))
        .Method("suspend_line_for_overdue_bill", (t, a) => t.SuspendLineForOverdueBill(a["customer_id"], a["line_id"], a["new_bill_id"], a["contract_ended"]),
            P("customer_id"), P("line_id"), P("new_bill_id"), P("contract_ended"))
        .Method("get_available_plan_ids", (t, _) => t.Records("plans").Select(p => Attr(p, "plan_id")).ToList())
        // hidden: grading
        .Method("assert_data_refueling_amount", (t, a) => t.AssertDataRefuelingAmount(a["customer_id"], a["line_id"], a["expected_amount"]),
            P("customer_id"), P("line_id"), P("expected_amount"))
        .Method("assert_line_status", (t, a) => PyEquality.Equals(Attr(t.GetTargetLine(a["customer_id"], a["line_id"]), "status"), a["expected_status"]),
            P("customer_id"), P("line_id"), P("expected_status"))
        .Method("assert_overdue_bill_exists", (t, a) => t.AssertOverdueBillExists(a["customer_id"], a["overdue_bill_id"]), P("customer_id"), P("overdue_bill_id"))
        .Method("assert_no_overdue_bill", (t, a) => t.AssertNoOverdueBill(a["overdue_bill_id"]), P("overdue_bill_id"))
        // hidden: the private helpers, reachable by name from environment function calls as in Python
        .Method("_get_customer_by_id", (t, a) => t.GetCustomer(a["customer_id"]), P("customer_id"))
        .Method("_get_line_by_id", (t, a) => t.GetLine(a["line_id"]), P("line_id"))
        .Method("_get_plan_by_id", (t, a) => t.GetPlan(a["plan_id"]), P("plan_id"))
        .Method("_get_device_by_id", (t, a) => t.GetDevice(a["device_id"]), P("device_id"))
        .Method("_get_bill_by_id", (t, a) => t.GetBill(a["bill_id"]), P("bill_id"))
        .Method("_get_line_by_phone", (t, a) => t.GetLineByPhone(a["phone_number"]), P("phone_number"))
        .Method("_get_target_line", (t, a) => t.GetTargetLine(a["customer_id"], a["line_id"]), P("customer_id"), P("line_id"))
        .Method("_get_bills_awaiting_payment", (t, a) => t.BillsAwaitingPayment(a["customer"]), P("customer"))
        .Method("_set_bill_to_paid", (t, a) => t.SetBillToPaid(a["bill_id"]), P("bill_id"))
        .Method("_add_one_time_charge", (t, a) => { t.AddOneTimeCharge(a["customer_id"], a["description"], a["amount"]); return null; },
            P("customer_id"), P("description"), P("amount"))
        .Build();

    private static ToolParameter P(string name) => new(name);

    private PyRecord _db;
    private readonly BillIdGenerator _billIds;

    public TelecomTools(PyRecord db, BillIdGenerator billIds)
    {
        _db = db;
        _billIds = billIds;
    }

    public override string ClassName => "TelecomTools";
    public override ToolMethodTable Methods => Table;
    public override PyRecord? Db => _db;

    public override void ReplaceDb(PyDict merged) => _db = TelecomSchemas.Db.Validate(merged);

    private List<object?> Records(string table) => (List<object?>)_db[table]!;

    private static PyRecord? Find(List<object?> records, string field, object? id) =>
        records.Cast<PyRecord>().FirstOrDefault(r => PyEquality.Equals(r[field], id));

    private static string S(object? v) => PyRepr.Str(v);

    // ---- lookups (their error texts surface through many tools) ----

    internal PyRecord GetCustomer(object? id) =>
        Find(Records("customers"), "customer_id", id) ?? throw new ToolCallException($"Customer with ID {S(id)} not found");

    internal PyRecord GetLine(object? id) =>
        Find(Records("lines"), "line_id", id) ?? throw new ToolCallException($"Line with ID {S(id)} not found");

    internal PyRecord GetPlan(object? id) =>
        Find(Records("plans"), "plan_id", id) ?? throw new ToolCallException($"Plan with ID {S(id)} not found");

    internal PyRecord GetDevice(object? id) =>
        Find(Records("devices"), "device_id", id) ?? throw new ToolCallException($"Device with ID {S(id)} not found");

    internal PyRecord GetBill(object? id) =>
        Find(Records("bills"), "bill_id", id) ?? throw new ToolCallException($"Bill with ID {S(id)} not found");

    internal PyRecord GetLineByPhone(object? phone) =>
        Find(Records("lines"), "phone_number", phone) ?? throw new ToolCallException($"Line with phone number {S(phone)} not found");

    /// <summary>The customer's line: the customer must exist and own the line id, then the line must exist.</summary>
    internal PyRecord GetTargetLine(object? customerId, object? lineId)
    {
        var customer = GetCustomer(customerId);
        if (!In(lineId, Attr(customer, "line_ids")))
            throw new ToolCallException($"Line {S(lineId)} not found for customer {S(customerId)}");
        return GetLine(lineId);
    }

    internal List<object?> BillsAwaitingPayment(object? customer) =>
        Iterate(Attr(customer, "bill_ids")).Select(GetBill).Where(b => PyEquality.Equals(b["status"], "Awaiting Payment")).Cast<object?>().ToList();

    internal string SetBillToPaid(object? billId)
    {
        GetBill(billId)["status"] = "Paid";
        return $"Bill {S(billId)} set to paid";
    }

    private static IEnumerable<object?> Iterate(object? v) =>
        v as List<object?> ?? throw new ToolCallException($"'{PyValue.TypeName(v)}' object is not iterable");

    // ---- tools ----

    internal PyRecord GetCustomerByPhone(object? phone)
    {
        foreach (var customer in Records("customers").Cast<PyRecord>())
        {
            if (PyEquality.Equals(customer["phone_number"], phone)) return customer;
            foreach (var lineId in Iterate(customer["line_ids"]))
                if (PyEquality.Equals(GetLine(lineId)["phone_number"], phone)) return customer;
        }
        throw new ToolCallException($"Customer with phone number {S(phone)} not found");
    }

    private List<object?> GetCustomersByName(object? fullName, object? dob)
    {
        var result = new List<object?>();
        foreach (var c in Records("customers").Cast<PyRecord>())
        {
            string wanted = Lower(fullName);
            if (Lower(c["full_name"]) == wanted && PyEquality.Equals(c["date_of_birth"], dob)) result.Add(c);
        }
        return result;
    }

    private PyRecord GetDetailsById(object? id)
    {
        string s = RequireStr(id, "startswith");
        if (s.StartsWith('L')) return GetLine(id);
        if (s.StartsWith('D')) return GetDevice(id);
        if (s.StartsWith('B')) return GetBill(id);
        if (s.StartsWith('C')) return GetCustomer(id);
        if (s.StartsWith('P')) return GetPlan(id);
        throw new ToolCallException($"Unknown ID format or type: {s}");
    }

    private PyDict SuspendLine(object? customerId, object? lineId)
    {
        var line = GetTargetLine(customerId, lineId);
        if (!PyEquality.Equals(line["status"], "Active")) throw new ToolCallException("Line must be active to suspend");
        line["status"] = "Suspended";
        line["suspension_start_date"] = TelecomClock.Today;
        // the reason is only logged by the reference; no holding fee is actually charged
        return new PyDict { ["message"] = "Line suspended successfully. $5/month holding fee will apply.", ["line"] = line };
    }

    private PyDict ResumeLine(object? customerId, object? lineId)
    {
        var line = GetTargetLine(customerId, lineId);
        if (!PyEquality.Equals(line["status"], "Suspended") && !PyEquality.Equals(line["status"], "Pending Activation"))
            throw new ToolCallException("Line must be suspended to resume");
        line["status"] = "Active";
        line["suspension_start_date"] = null;
        return new PyDict { ["message"] = "Line resumed successfully", ["line"] = line };
    }

    private List<object?> GetBillsForCustomer(object? customerId, object? limit)
    {
        var customer = GetCustomer(customerId);
        var bills = Iterate(customer["bill_ids"]).Select(GetBill).ToList();
        // list.sort(key=issue_date, reverse=True) is stable: equal dates keep bill_ids order
        var sorted = bills.OrderByDescending(b => (DateOnly)b["issue_date"]!).Cast<object?>().ToList();
        return PySliceTo(sorted, limit);
    }

    /// <summary>Python's <c>list[:limit]</c>.</summary>
    private static List<object?> PySliceTo(List<object?> list, object? limit)
    {
        if (limit is null) return list;
        if (!PyValue.IsIntLike(limit))
            throw new ToolCallException("slice indices must be integers or None or have an __index__ method");
        long n = limit is bool b ? (b ? 1 : 0) : Convert.ToInt64(limit);
        long end = n < 0 ? Math.Max(0, list.Count + n) : Math.Min(list.Count, n);
        return list.Take((int)end).ToList();
    }

    private string SendPaymentRequest(object? customerId, object? billId)
    {
        var customer = GetCustomer(customerId);
        // the reference checks for another pending request before checking that the bill is the customer's
        if (BillsAwaitingPayment(customer).Count > 0)
            throw new ToolCallException("A bill is already awaiting payment for this customer");
        if (!In(billId, customer["bill_ids"]))
            throw new ToolCallException($"Bill {S(billId)} not found for customer {S(customerId)}");
        GetBill(billId)["status"] = "Awaiting Payment";
        return $"Payment request sent to the customer for bill {S(billId)}";
    }

    private PyDict GetDataUsage(object? customerId, object? lineId)
    {
        var line = GetTargetLine(customerId, lineId);
        var plan = GetPlan(line["plan_id"]);
        return new PyDict
        {
            ["line_id"] = lineId,
            ["data_used_gb"] = line["data_used_gb"],
            ["data_limit_gb"] = plan["data_limit_gb"],
            ["data_refueling_gb"] = line["data_refueling_gb"],
            ["cycle_end_date"] = TelecomClock.LastDayOfMonth(TelecomClock.Today),
        };
    }

    private string SetRoaming(object? customerId, object? lineId, bool enable)
    {
        var line = GetTargetLine(customerId, lineId);
        string word = enable ? "enabled" : "disabled";
        if (PyValue.Truthy(line["roaming_enabled"]) == enable) return $"Roaming was already {word}";
        line["roaming_enabled"] = enable;
        return $"Roaming {word} successfully";
    }

    private PyDict RefuelData(object? customerId, object? lineId, object? gbAmount)
    {
        var line = GetTargetLine(customerId, lineId);
        if (Le(gbAmount, 0L)) throw new ToolCallException("Refuel amount must be positive");
        var plan = GetPlan(line["plan_id"]);
        var price = plan["data_refueling_price_per_gb"];
        var charge = Mul(gbAmount, price);
        line["data_refueling_gb"] = Add(line["data_refueling_gb"], gbAmount);
        AddOneTimeCharge(customerId, $"Data refueling: {S(gbAmount)} GB at ${S(price)}/GB", charge);
        return new PyDict
        {
            ["message"] = $"Successfully added {S(gbAmount)} GB of data for line {S(lineId)} for ${Fixed2(charge)}",
            ["new_data_refueling_gb"] = line["data_refueling_gb"],
            ["charge"] = charge,
        };
    }

    /// <summary>
    /// Adds a line item to the customer's first draft bill, creating a draft bill for next month when
    /// there is none (its id comes from this environment's seeded generator, see <see cref="BillIdGenerator"/>).
    /// </summary>
    internal void AddOneTimeCharge(object? customerId, object? description, object? amount)
    {
        var customer = GetCustomer(customerId);
        PyRecord? draft = Iterate(customer["bill_ids"]).Select(GetBill).FirstOrDefault(b => PyEquality.Equals(b["status"], "Draft"));
        if (draft is null)
        {
            var start = TelecomClock.FirstDayOfNextMonth(TelecomClock.Today);
            string id = _billIds.Next(candidate => Find(Records("bills"), "bill_id", candidate) is not null);
            draft = TelecomSchemas.Bill.Validate(new PyDict
            {
                ["bill_id"] = id,
                ["customer_id"] = customerId,
                ["period_start"] = start,
                ["period_end"] = TelecomClock.LastDayOfMonth(start),
                ["issue_date"] = start,
                ["total_due"] = 0.0,
                ["due_date"] = start.AddDays(14),
                ["status"] = "Draft",
            });
            Records("bills").Add(draft);
            ((List<object?>)customer["bill_ids"]!).Add(id);
        }
        var item = TelecomSchemas.LineItem.Validate(new PyDict
        {
            ["description"] = description,
            ["amount"] = amount,
            ["date"] = TelecomClock.Today,
            ["item_type"] = Lt(amount, 0L) ? "Credit" : "Charge",
        });
        ((List<object?>)draft["line_items"]!).Add(item);
        draft["total_due"] = Add(draft["total_due"], amount);
    }

    // ---- hidden setup ----

    private string SetDataUsage(object? customerId, object? lineId, object? used)
    {
        var line = GetTargetLine(customerId, lineId);
        line["data_used_gb"] = used;
        return $"Data usage set to {S(used)} GB for line {S(lineId)}";
    }

    private string SuspendLineForOverdueBill(object? customerId, object? lineId, object? newBillId, object? contractEnded)
    {
        // ownership of the line is deliberately not checked (reference behaviour)
        var line = GetLine(lineId);
        if (!PyEquality.Equals(line["status"], "Active")) throw new ToolCallException("Line must be active to suspend for unpaid bill");
        var amount = GetPlan(line["plan_id"])["price_per_month"];
        if (Le(amount, 0L)) throw new ToolCallException("Amount must be positive for overdue bill");
        var customer = GetCustomer(customerId);
        if (Iterate(customer["bill_ids"]).Select(GetBill).Any(b => PyEquality.Equals(b["status"], "Overdue")))
            throw new ToolCallException("Customer already has an overdue bill");

        var start = TelecomClock.FirstDayOfPreviousMonth(TelecomClock.Today);
        var bill = TelecomSchemas.Bill.Validate(new PyDict
        {
            ["bill_id"] = newBillId,
            ["customer_id"] = customerId,
            ["period_start"] = start,
            ["period_end"] = TelecomClock.LastDayOfMonth(start),
            ["issue_date"] = start,
            ["total_due"] = amount,
            ["due_date"] = start.AddDays(14),
            ["line_items"] = new List<object?>
            {
                new PyDict { ["description"] = $"Charge for line {S(lineId)}", ["amount"] = amount, ["date"] = TelecomClock.Today, ["item_type"] = "Charge" },
            },
            ["status"] = "Overdue",
        });
        Records("bills").Add(bill);
        ((List<object?>)customer["bill_ids"]!).Add(bill["bill_id"]);
        line["status"] = "Suspended";
        line["suspension_start_date"] = TelecomClock.Today;
        if (PyValue.Truthy(contractEnded)) line["contract_end_date"] = TelecomClock.LastDayOfMonth(start);
        return $"Line {S(lineId)} suspended for unpaid bill {S(newBillId)}. Contract ended: {S(contractEnded)}";
    }

    // ---- hidden grading ----

    private bool AssertDataRefuelingAmount(object? customerId, object? lineId, object? expected)
    {
        var line = GetTargetLine(customerId, lineId);
        return Math.Abs(PyValue.ToDouble(Sub(line["data_refueling_gb"], expected))) < 1e-6;
    }

    private bool AssertOverdueBillExists(object? customerId, object? billId)
    {
        var customer = GetCustomer(customerId);
        if (!In(billId, customer["bill_ids"])) throw new ToolCallException($"Overdue bill {S(billId)} not found");
        if (!PyEquality.Equals(GetBill(billId)["status"], "Overdue")) throw new ToolCallException($"Overdue bill {S(billId)} is not overdue");
        return true;
    }

    private bool AssertNoOverdueBill(object? billId)
    {
        var bill = Find(Records("bills"), "bill_id", billId);
        return bill is null || PyEquality.Equals(bill["status"], "Paid");
    }
}
