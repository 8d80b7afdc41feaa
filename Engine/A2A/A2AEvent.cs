using System.Text.Json.Serialization;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// What <c>message/send</c> returns (a Message or a Task) and what <c>message/stream</c> emits
/// (those two plus status and artifact updates); the wire tells them apart by <c>kind</c>.
/// </summary>
public abstract class A2AEvent
{
    [JsonPropertyOrder(-10)]
    public abstract string Kind { get; }
}
