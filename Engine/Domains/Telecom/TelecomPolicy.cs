namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The telecom policy text: the main policy and a tech-support policy wrapped in tags, exactly as
/// tau2 assembles it (tau2-engine §2.2). The .md files end without a newline and are used verbatim.
/// </summary>
public static class TelecomPolicy
{
    public static string Compose(string mainPolicy, string techSupportPolicy) =>
        "<main_policy>\n" + mainPolicy + "\n</main_policy>\n<tech_support_policy>\n" + techSupportPolicy + "\n</tech_support_policy>";
}
