using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>Parameters of <c>message/send</c> and <c>message/stream</c>.</summary>
public sealed class MessageSendParams
{
    public A2AMessage? Message { get; set; }
    public MessageSendConfiguration? Configuration { get; set; }
    public JsonObject? Metadata { get; set; }
}
