namespace Tau2Observe.Engine.Tests.Conformance;

public class MetricsVectorTests
{
    public static IEnumerable<object[]> Cases => TestData.CaseIds("metrics.jsonl");

    [Theory, MemberData(nameof(Cases))]
    public void Metrics_match_tau2(string caseId) => ConformanceAssert.Passes("metrics.jsonl", caseId);
}
