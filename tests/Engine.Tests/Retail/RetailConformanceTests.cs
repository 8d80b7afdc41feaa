namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>Every retail conformance vector, with exact error texts.</summary>
public class RetailConformanceTests
{
    public static IEnumerable<object[]> ToolSequenceCases() => TestData.CaseIds("retail.tool_sequence.jsonl");

    public static IEnumerable<object[]> DbHashCases() => TestData.CaseIds("retail.db_hash.jsonl");

    [Theory]
    [MemberData(nameof(ToolSequenceCases))]
    public void Tool_sequence(string caseId) => ConformanceAssert.Passes("retail.tool_sequence.jsonl", caseId);

    [Theory]
    [MemberData(nameof(DbHashCases))]
    public void Db_hash(string caseId) => ConformanceAssert.Passes("retail.db_hash.jsonl", caseId);
}
