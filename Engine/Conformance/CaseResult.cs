namespace Tau2Observe.Engine.Conformance;

/// <summary>The outcome of one conformance case; <see cref="Mismatches"/> explains a failure.</summary>
public sealed record CaseResult(string CaseId, string Kind, bool Passed, IReadOnlyList<string> Mismatches)
{
    public static CaseResult Pass(string caseId, string kind) => new(caseId, kind, true, []);
    public static CaseResult Fail(string caseId, string kind, IReadOnlyList<string> mismatches) => new(caseId, kind, false, mismatches);
}
