using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Domains.Telecom.PyOps;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// Telecom's <c>sync_tools</c> (domain-telecom §5): once the phone knows its number, copy the
/// line's account facts to the phone's surroundings and move payments between the phone and the
/// carrier's bills. Runs after every successful tool call, setup call and assertion.
/// </summary>
internal static class TelecomSync
{
    public static void Run(DomainEnvironment env)
    {
        if (env.AgentTools is not TelecomTools tools || env.UserTools is not TelecomUserTools phone) return;
        var surroundings = phone.Surroundings;
        var phoneNumber = surroundings["phone_number"];
        if (phoneNumber is null) return;

        var line = tools.GetLineByPhone(phoneNumber);
        surroundings["line_active"] = PyEquality.Equals(line["status"], "Active");
        surroundings["roaming_allowed"] = line["roaming_enabled"];
        var plan = tools.GetPlan(line["plan_id"]);
        // ">=": usage exactly at the limit already counts as exceeded
        surroundings["mobile_data_usage_exceeded"] = Ge(line["data_used_gb"], Add(plan["data_limit_gb"], line["data_refueling_gb"]));

        if (surroundings["payment_request"] is { } paid && PyValue.Truthy(Attr(paid, "paid")))
        {
            tools.SetBillToPaid(Attr(paid, "bill_id"));
            surroundings["payment_request"] = null;
        }
        if (surroundings["payment_request"] is null)
        {
            var customer = tools.GetCustomerByPhone(phoneNumber);
            var awaiting = tools.BillsAwaitingPayment(customer);
            if (awaiting.Count > 0)
            {
                var bill = (PyRecord)awaiting[0]!;
                surroundings["payment_request"] = TelecomUserSchemas.PaymentRequest.Validate(new PyDict
                {
                    ["bill_id"] = bill["bill_id"],
                    ["amount_due"] = bill["total_due"],
                    ["paid"] = false,
                });
            }
        }
    }
}
