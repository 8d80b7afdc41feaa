namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The two registered telecom domains differ only in the tech-support policy (prose manual or
/// numbered workflow); tools, databases and tasks are the same.
/// </summary>
public sealed record TelecomVariant(string DomainName, string TechPolicyFile, string TechPolicySoloFile)
{
    public static readonly TelecomVariant Manual = new("telecom", "tech_support_manual.md", "tech_support_manual.md"); // no solo manual exists
    public static readonly TelecomVariant Workflow = new("telecom-workflow", "tech_support_workflow.md", "tech_support_workflow_solo.md");

    public const string MainPolicyFile = "main_policy.md";
    public const string MainPolicySoloFile = "main_policy_solo.md";
}
