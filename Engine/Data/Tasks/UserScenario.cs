using System.Text;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>What the user simulator is told: a persona and instructions (plain text or structured).</summary>
public sealed class UserScenario
{
    public string? Persona { get; init; }
    /// <summary>Plain-string instructions (mock); null when <see cref="Structured"/> is used.</summary>
    public string? PlainInstructions { get; init; }
    public StructuredUserInstructions? Structured { get; init; }

    public PyDict ToPy() => new()
    {
        ["persona"] = Persona,
        ["instructions"] = Structured is not null ? Structured.ToPy() : PlainInstructions,
    };

    public static UserScenario FromPy(PyDict d)
    {
        var instructions = d.GetOrDefault("instructions");
        return new UserScenario
        {
            Persona = d.GetOrDefault("persona") as string,
            PlainInstructions = instructions as string,
            Structured = instructions is PyDict s ? StructuredUserInstructions.FromPy(s) : null,
        };
    }

    /// <summary>The exact text tau2 gives the user simulator (tau2-engine §1.1.1).</summary>
    public string Render()
    {
        var lines = new List<string>();
        if (Persona is not null)
        {
            lines.Add("Persona:");
            lines.Add(TextIndent.Indent(Persona, "\t"));
        }
        lines.Add("Instructions:");
        lines.Add(TextIndent.Indent(Structured?.Render() ?? PlainInstructions ?? "", "\t"));
        return string.Join("\n", lines);
    }
}
