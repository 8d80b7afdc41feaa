namespace Tau2Observe.Engine.Tests.Mock;

/// <summary>Every mock conformance vector, with exact error texts.</summary>
public class MockConformanceTests
{
    public static IEnumerable<object[]> ToolSequenceCases() => TestData.CaseIds("mock.tool_sequence.jsonl");

    public static IEnumerable<object[]> DbHashCases() => TestData.CaseIds("mock.db_hash.jsonl");

    [Theory]
    [MemberData(nameof(ToolSequenceCases))]
    public void Tool_sequence(string caseId) => ConformanceAssert.Passes("mock.tool_sequence.jsonl", caseId);

    [Theory]
    [MemberData(nameof(DbHashCases))]
    public void Db_hash(string caseId) => ConformanceAssert.Passes("mock.db_hash.jsonl", caseId);
}
