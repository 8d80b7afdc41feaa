namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>The telecom enumerations (wire values in declaration order) as pydantic field types.</summary>
internal static class TelecomEnums
{
    // agent side
    public static readonly EnumFieldType LineStatus = new("LineStatus", "Active", "Suspended", "Pending Activation", "Closed");
    public static readonly EnumFieldType BillStatus = new("BillStatus", "Draft", "Issued", "Awaiting Payment", "Paid", "Overdue", "Disputed");
    public static readonly EnumFieldType AccountStatus = new("AccountStatus", "Active", "Suspended", "Pending Verification", "Closed");
    public static readonly EnumFieldType PaymentMethodType = new("PaymentMethodType", "Credit Card", "Debit Card", "PayPal");
    public static readonly EnumFieldType DeviceType = new("DeviceType", "phone", "router", "tablet", "watch", "other");

    // phone side
    public static readonly EnumFieldType SimStatus = new("SimStatus", "active", "missing", "locked_pin", "locked_puk");
    public static readonly EnumFieldType NetworkTechnology = new("NetworkTechnology", "none", "2G", "3G", "4G", "5G");
    public static readonly EnumFieldType NetworkModePreference = new("NetworkModePreference", "4g_5g_preferred", "4g_only", "3g_only", "2g_only");
    public static readonly EnumFieldType SignalStrength = new("SignalStrength", "none", "poor", "fair", "good", "excellent");
    public static readonly EnumFieldType PerformanceLevel = new("PerformanceLevel", "unknown", "poor", "fair", "good", "excellent");
    public static readonly EnumFieldType NetworkStatus = new("NetworkStatus", "connected", "searching", "no_service", "emergency_only");
    public static readonly EnumFieldType ApnNames = new("APNNames", "internet", "broken");
}
