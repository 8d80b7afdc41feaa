namespace Tau2Observe.Engine.A2A;

/// <summary>A2A 0.3 JSON-RPC method names.</summary>
public static class A2AMethods
{
    public const string SendMessage = "message/send";
    public const string StreamMessage = "message/stream";
    public const string GetTask = "tasks/get";
    public const string CancelTask = "tasks/cancel";
    public const string Resubscribe = "tasks/resubscribe";
    public const string PushNotificationPrefix = "tasks/pushNotificationConfig/";
    public const string GetExtendedCard = "agent/getAuthenticatedExtendedCard";
}
