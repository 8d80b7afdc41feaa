using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>The structured form of user instructions used by airline, retail and telecom tasks.</summary>
public sealed class StructuredUserInstructions
{
    public required string Domain { get; init; }
    public required string ReasonForCall { get; init; }
    public string? KnownInfo { get; init; }
    public string? UnknownInfo { get; init; }
    public required string TaskInstructions { get; init; }

    public PyDict ToPy() => new()
    {
        ["domain"] = Domain, ["reason_for_call"] = ReasonForCall, ["known_info"] = KnownInfo,
        ["unknown_info"] = UnknownInfo, ["task_instructions"] = TaskInstructions,
    };

    public static StructuredUserInstructions FromPy(PyDict d) => new()
    {
        Domain = TaskJson.Str(d, "domain"),
        ReasonForCall = TaskJson.Str(d, "reason_for_call"),
        KnownInfo = d.GetOrDefault("known_info") as string,
        UnknownInfo = d.GetOrDefault("unknown_info") as string,
        TaskInstructions = TaskJson.Str(d, "task_instructions"),
    };

    public string Render()
    {
        var lines = new List<string>
        {
            "Domain: " + Domain,
            "Reason for call:\n" + TextIndent.Indent(ReasonForCall, "\t"),
        };
        if (KnownInfo is not null) lines.Add("Known info:\n" + TextIndent.Indent(KnownInfo, "\t"));
        if (UnknownInfo is not null) lines.Add("Unknown info:\n" + TextIndent.Indent(UnknownInfo, "\t"));
        lines.Add("Task instructions:\n" + TextIndent.Indent(TaskInstructions, "\t"));
        return string.Join("\n", lines);
    }
}
