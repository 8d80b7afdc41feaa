using Tau2Observe.Engine.Conformance;

namespace Tau2Observe.Engine.Tests;

/// <summary>Runs one conformance vector and fails with its mismatches.</summary>
public static class ConformanceAssert
{
    public static void Passes(string file, string caseId, bool relaxed = false)
    {
        var runner = new ConformanceRunner(TestData.Registry);
        var result = runner.Run(TestData.Vector(file, caseId), new ConformanceOptions(Relaxed: relaxed));
        Assert.True(result.Passed, $"{caseId}:\n" + string.Join("\n", result.Mismatches));
    }
}
