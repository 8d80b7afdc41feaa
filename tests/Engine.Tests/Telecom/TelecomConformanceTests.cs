namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>Every telecom conformance vector of kinds tool_sequence and db_hash, compared strictly.</summary>
public class TelecomConformanceTests
{
    public const string ToolSequenceFile = "telecom.tool_sequence.jsonl";
    public const string DbHashFile = "telecom.db_hash.jsonl";

    public static IEnumerable<object[]> ToolSequenceCases => TestData.CaseIds(ToolSequenceFile);
    public static IEnumerable<object[]> DbHashCases => TestData.CaseIds(DbHashFile);

    [Theory]
    [MemberData(nameof(ToolSequenceCases))]
    public void Tool_sequence_vector_passes_strictly(string caseId) => ConformanceAssert.Passes(ToolSequenceFile, caseId);

    [Theory]
    [MemberData(nameof(DbHashCases))]
    public void Db_hash_vector_passes_strictly(string caseId) => ConformanceAssert.Passes(DbHashFile, caseId);
}
