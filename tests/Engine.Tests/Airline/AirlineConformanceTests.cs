namespace Tau2Observe.Engine.Tests.Airline;

/// <summary>Every airline conformance vector of kinds tool_sequence and db_hash, strict (exact error texts).</summary>
public class AirlineConformanceTests
{
    private const string ToolSequences = "airline.tool_sequence.jsonl";
    private const string DbHashes = "airline.db_hash.jsonl";

    public static IEnumerable<object[]> ToolSequenceCases() => TestData.CaseIds(ToolSequences);

    public static IEnumerable<object[]> DbHashCases() => TestData.CaseIds(DbHashes);

    [Theory]
    [MemberData(nameof(ToolSequenceCases))]
    public void ToolSequence(string caseId) => ConformanceAssert.Passes(ToolSequences, caseId);

    [Theory]
    [MemberData(nameof(DbHashCases))]
    public void DbHash(string caseId) => ConformanceAssert.Passes(DbHashes, caseId);
}
