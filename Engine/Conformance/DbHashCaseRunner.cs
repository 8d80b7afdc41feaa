using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>Kind <c>db_hash</c>: the hashes of freshly loaded databases.</summary>
public sealed class DbHashCaseRunner(DomainRegistry domains) : IConformanceCaseRunner
{
    public string Kind => "db_hash";

    public CaseResult Run(PyDict v, ConformanceOptions options)
    {
        string caseId = (string)v["case_id"]!;
        var env = domains.Get((string)v["domain"]!).CreateEnvironment();
        var expected = (PyDict)v["expected_db_hash"]!;
        var mismatches = new List<string>();
        Compare("agent", expected.GetOrDefault("agent") as string, env.AgentDbHash(), mismatches);
        Compare("user", expected.GetOrDefault("user") as string, env.UserDbHash(), mismatches);
        return mismatches.Count == 0 ? CaseResult.Pass(caseId, Kind) : CaseResult.Fail(caseId, Kind, mismatches);
    }

    private static void Compare(string side, string? expected, string? actual, List<string> mismatches)
    {
        if (expected != actual) mismatches.Add($"{side} db hash: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
