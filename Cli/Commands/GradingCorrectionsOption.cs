using System.CommandLine;
using Tau2Observe.Engine.Evaluation;

namespace Tau2Observe.Cli.Commands;

/// <summary><c>--correct NAME...</c>: corrections of tau2's grading defects, shared by <c>evaluate</c> and <c>regrade</c>.</summary>
public static class GradingCorrectionsOption
{
    public static Option<string[]> Create()
    {
        var option = new Option<string[]>("--correct")
        {
            Description = "correct a tau2 grading defect (default: grade exactly as tau2): "
                + string.Join(", ", GradingOptions.Names) + ", or " + GradingOptions.AllCorrections + " (see docs/fidelity.md)",
            AllowMultipleArgumentsPerToken = true,
        };
        option.AcceptOnlyFromAmong([.. GradingOptions.Names, GradingOptions.AllCorrections]);
        return option;
    }
}
