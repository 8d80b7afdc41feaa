using Tau2Observe.Engine.Data;

namespace Tau2Observe.Engine.Users;

/// <summary>tau2's two user-simulator guideline texts, loaded verbatim from the tau2 data folder (tau2-engine §4.2).</summary>
public sealed record LlmUserSimulatorGuidelines(string WithoutTools, string WithTools)
{
    public static LlmUserSimulatorGuidelines FromDataDirectory(TauDataDirectory data) => new(
        File.ReadAllText(data.UserSimulatorFile("simulation_guidelines.md")),
        File.ReadAllText(data.UserSimulatorFile("simulation_guidelines_tools.md")));

    public string For(bool userHasTools) => userHasTools ? WithTools : WithoutTools;
}
