using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Agents;

/// <summary>What an agent or user simulator is built from for one simulation.</summary>
public sealed record AgentContext(
    string Domain,
    TauTask Task,
    DomainEnvironment Environment,
    /// <summary>OpenAI-format tool definitions offered to the agent (JSON array text).</summary>
    string AgentToolsJson,
    /// <summary>OpenAI-format tool definitions offered to the user simulator (JSON array text; "[]" when none).</summary>
    string UserToolsJson,
    long? Seed);
