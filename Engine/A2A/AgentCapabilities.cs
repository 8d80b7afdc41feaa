namespace Tau2Observe.Engine.A2A;

public sealed class AgentCapabilities
{
    public bool? Streaming { get; set; }
    public bool? PushNotifications { get; set; }
    public bool? StateTransitionHistory { get; set; }
}
