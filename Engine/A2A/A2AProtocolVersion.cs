namespace Tau2Observe.Engine.A2A;

/// <summary>The two generations of A2A this project speaks on the JSON-RPC binding.</summary>
public enum A2AProtocolVersion
{
    /// <summary>A2A 0.3: slash method names (<c>message/send</c>), <c>kind</c> discriminators, lower-kebab enums.</summary>
    V0_3,

    /// <summary>A2A 1.0: PascalCase methods (<c>SendMessage</c>), wrapper keys instead of <c>kind</c>, <c>TASK_STATE_*</c> enums.</summary>
    V1_0,
}
