namespace Tau2Observe.Engine.A2A;

/// <summary>A2A 1.0 JSON-RPC method names and their 0.3 equivalents.</summary>
public static class A2AV1Methods
{
    public const string SendMessage = "SendMessage";
    public const string SendStreamingMessage = "SendStreamingMessage";
    public const string GetTask = "GetTask";
    public const string CancelTask = "CancelTask";
    public const string SubscribeToTask = "SubscribeToTask";
    public const string ListTasks = "ListTasks";
    public const string GetExtendedAgentCard = "GetExtendedAgentCard";

    private static readonly Dictionary<string, string> ToLegacy = new(StringComparer.Ordinal)
    {
        [SendMessage] = A2AMethods.SendMessage,
        [SendStreamingMessage] = A2AMethods.StreamMessage,
        [GetTask] = A2AMethods.GetTask,
        [CancelTask] = A2AMethods.CancelTask,
        [SubscribeToTask] = A2AMethods.Resubscribe,
        [GetExtendedAgentCard] = A2AMethods.GetExtendedCard,
        ["CreateTaskPushNotificationConfig"] = A2AMethods.PushNotificationPrefix + "set",
        ["GetTaskPushNotificationConfig"] = A2AMethods.PushNotificationPrefix + "get",
        ["ListTaskPushNotificationConfigs"] = A2AMethods.PushNotificationPrefix + "list",
        ["DeleteTaskPushNotificationConfig"] = A2AMethods.PushNotificationPrefix + "delete",
    };

    private static readonly Dictionary<string, string> FromLegacy = ToLegacy.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>True for any name that only A2A 1.0 uses (so a request without the version header can still be recognised).</summary>
    public static bool IsV1Name(string method) => ToLegacy.ContainsKey(method) || method == ListTasks;

    /// <summary>The 0.3 name of a 1.0 method, or null when 0.3 has no equivalent.</summary>
    public static string? ToV03(string method) => ToLegacy.GetValueOrDefault(method);

    public static string ToV1(string legacyMethod) =>
        FromLegacy.TryGetValue(legacyMethod, out var name) ? name : throw new ArgumentException($"No A2A 1.0 method for '{legacyMethod}'.", nameof(legacyMethod));
}
