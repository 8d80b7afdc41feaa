namespace Tau2Observe.Engine.Tests.Conformance;

/// <summary>Every recorded trajectory of every domain gets exactly tau2's reward information.</summary>
public class EvaluationVectorTests
{
    public static IEnumerable<object[]> Airline => TestData.CaseIds("airline.evaluation.jsonl");
    public static IEnumerable<object[]> Retail => TestData.CaseIds("retail.evaluation.jsonl");
    public static IEnumerable<object[]> Mock => TestData.CaseIds("mock.evaluation.jsonl");
    public static IEnumerable<object[]> Telecom => TestData.CaseIds("telecom.evaluation.jsonl");

    [Theory, MemberData(nameof(Airline))]
    public void Airline_rewards_match_tau2(string caseId) => ConformanceAssert.Passes("airline.evaluation.jsonl", caseId);

    [Theory, MemberData(nameof(Retail))]
    public void Retail_rewards_match_tau2(string caseId) => ConformanceAssert.Passes("retail.evaluation.jsonl", caseId);

    [Theory, MemberData(nameof(Mock))]
    public void Mock_rewards_match_tau2(string caseId) => ConformanceAssert.Passes("mock.evaluation.jsonl", caseId);

    [Theory, MemberData(nameof(Telecom))]
    public void Telecom_rewards_match_tau2(string caseId) => ConformanceAssert.Passes("telecom.evaluation.jsonl", caseId);
}
