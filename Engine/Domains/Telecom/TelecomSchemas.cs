using Tau2Observe.Engine.Data.Schema;
using static Tau2Observe.Engine.Data.Schema.FieldType;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The agent-side database models (domain-telecom §1.2), fields in declaration order, which is the
/// key order of tool outputs. Every telecom model rejects unknown keys.
/// </summary>
internal static class TelecomSchemas
{
    public static readonly ModelSchema Plan = new ModelSchema("Plan", forbidExtra: true)
        .Field("plan_id", Str)
        .Field("name", Str)
        .Field("data_limit_gb", Float)
        .Field("price_per_month", Float)
        .Field("data_refueling_price_per_gb", Float);

    public static readonly ModelSchema Device = new ModelSchema("Device", forbidExtra: true)
        .Field("device_id", Str)
        .Field("device_type", TelecomEnums.DeviceType)
        .Field("model", Str)
        .Optional("imei", Optional(Str))
        .Field("is_esim_capable", Bool)
        .Optional("activated", Bool, false)
        .Optional("activation_date", Optional(FieldType.DateTime))
        .Optional("last_esim_transfer_date", Optional(FieldType.DateTime));

    public static readonly ModelSchema Line = new ModelSchema("Line", forbidExtra: true)
        .Field("line_id", Str)
        .Field("phone_number", Str)
        .Optional("status", TelecomEnums.LineStatus, "Pending Activation")
        .Field("plan_id", Str)
        .Optional("device_id", Optional(Str))
        .Optional("data_used_gb", Float, 0.0)
        .Optional("data_refueling_gb", Float, 0.0)
        .Optional("roaming_enabled", Bool, false)
        .Optional("contract_end_date", Optional(Date))
        .Optional("last_plan_change_date", Optional(Date))
        .Optional("last_sim_replacement_date", Optional(Date))
        .Optional("suspension_start_date", Optional(Date));

    public static readonly ModelSchema LineItem = new ModelSchema("LineItem", forbidExtra: true)
        .Field("description", Str)
        .Field("amount", Float)
        .Field("date", Date)
        .Field("item_type", Str);

    public static readonly ModelSchema Bill = new ModelSchema("Bill", forbidExtra: true)
        .Field("bill_id", Str)
        .Field("customer_id", Str)
        .Field("period_start", Date)
        .Field("period_end", Date)
        .Field("issue_date", Date)
        .Field("total_due", Float)
        .Field("due_date", Date)
        .Optional("line_items", ListOf(Model(LineItem)), new List<object?>())
        .Optional("status", TelecomEnums.BillStatus, "Draft");

    public static readonly ModelSchema PaymentMethod = new ModelSchema("PaymentMethod", forbidExtra: true)
        .Field("method_type", TelecomEnums.PaymentMethodType)
        .Field("account_number_last_4", Str)
        .Field("expiration_date", Str);

    public static readonly ModelSchema Address = new ModelSchema("Address", forbidExtra: true)
        .Field("street", Str)
        .Field("city", Str)
        .Field("state", Str)
        .Field("zip_code", Str);

    public static readonly ModelSchema Customer = new ModelSchema("Customer", forbidExtra: true)
        .Field("customer_id", Str)
        .Field("full_name", Str)
        .Field("date_of_birth", Str)
        .Field("email", Str)
        .Field("phone_number", Str)
        .Field("address", Model(Address))
        .Optional("account_status", TelecomEnums.AccountStatus, "Pending Verification")
        .Optional("payment_methods", ListOf(Model(PaymentMethod)), new List<object?>())
        .Optional("line_ids", ListOf(Str), new List<object?>())
        .Optional("bill_ids", ListOf(Str), new List<object?>())
        .Optional("created_at", FieldType.DateTime, new System.DateTime(2025, 1, 1))
        .Optional("last_extension_date", Optional(Date))
        .Optional("goodwill_credit_used_this_year", Float, 0.0);

    public static readonly ModelSchema Db = new ModelSchema("TelecomDB", forbidExtra: true)
        .Optional("plans", ListOf(Model(Plan)), new List<object?>())
        .Optional("customers", ListOf(Model(Customer)), new List<object?>())
        .Optional("lines", ListOf(Model(Line)), new List<object?>())
        .Optional("bills", ListOf(Model(Bill)), new List<object?>())
        .Optional("devices", ListOf(Model(Device)), new List<object?>());
}
