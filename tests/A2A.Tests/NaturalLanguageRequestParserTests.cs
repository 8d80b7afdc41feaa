using Tau2Observe.Gateway;

namespace Tau2Observe.A2A.Tests;

public class NaturalLanguageRequestParserTests
{
    [Theory]
    [InlineData("Run an evaluation on the mock domain for agent at https://mock.example/a2a/simple_gemini_agent. Use 2 tasks and 1 trial(s).",
        "mock", "https://mock.example/a2a/simple_gemini_agent", 2, 1)]
    [InlineData("Please evaluate the agent at endpoint http://10.0.0.5:8001/a2a/kimi_litellm_agent using the retail domain. Run the evaluation with 4 tasks and 1 trial per task. Report the results.",
        "retail", "http://10.0.0.5:8001/a2a/kimi_litellm_agent", 4, 1)]
    [InlineData("Evaluate the agent at http://localhost:8001/a2a/simple_nebius_agent/ on the mock domain with 3 tasks",
        "mock", "http://localhost:8001/a2a/simple_nebius_agent/", 3, null)]
    [InlineData("evaluate oracle, domain: telecom-workflow, 3 trials", "telecom-workflow", "oracle", null, 3)]
    [InlineData("Run an evaluation on the Airline domain for agent at oracle. Use 10 tasks and 4 trials.", "airline", "oracle", 10, 4)]
    public void Evaluation_phrasings(string text, string domain, string agent, int? tasks, int? trials)
    {
        var call = NaturalLanguageRequestParser.Parse(text);
        Assert.Equal(GatewaySkill.RunEvaluation, call.Skill);
        var p = call.Evaluation!;
        Assert.Equal((domain, agent, tasks, trials), (p.Domain, p.AgentEndpoint, p.NumTasks, p.NumTrials));
        Assert.Null(p.TaskIds);
    }

    [Theory]
    [InlineData("Run an evaluation on the mock domain for agent at http://h/a2a/x. Run tasks: impossible_task_1.", new[] { "impossible_task_1" })]
    [InlineData("Run an evaluation on the airline domain for agent at http://h/a2a/x. Run tasks: 0, 1, 2.", new[] { "0", "1", "2" })]
    [InlineData("Run an evaluation on the telecom domain for agent at http://h/a2a/x. Run tasks: [mobile_data_issue]user_abroad_roaming_disabled_off[PERSONA:Hard], [service_issue]lock_sim_card_pin[PERSONA:Hard], [mms_issue]break_apn_mms_setting[PERSONA:Hard].",
        new[] { "[mobile_data_issue]user_abroad_roaming_disabled_off[PERSONA:Hard]", "[service_issue]lock_sim_card_pin[PERSONA:Hard]", "[mms_issue]break_apn_mms_setting[PERSONA:Hard]" })]
    [InlineData("Run an evaluation on the retail domain for agent at http://h/a2a/x. Run tasks: 3,4. Use 2 trials.", new[] { "3", "4" })]
    public void Failure_mode_task_lists(string text, string[] ids)
    {
        var p = NaturalLanguageRequestParser.Parse(text).Evaluation!;
        Assert.Equal(ids, p.TaskIds);
        Assert.Equal("http://h/a2a/x", p.AgentEndpoint);
        Assert.Null(p.NumTasks);
    }

    [Theory]
    [InlineData("List available domains", GatewaySkill.ListDomains)]
    [InlineData("What domains can you evaluate?", GatewaySkill.ListDomains)]
    [InlineData("which domains are supported", GatewaySkill.ListDomains)]
    [InlineData("Get the results of eval-0123456789abcdef01234567.", GatewaySkill.GetResults)]
    [InlineData("hello", GatewaySkill.Help)]
    [InlineData("", GatewaySkill.Help)]
    [InlineData("Run an evaluation", GatewaySkill.RunEvaluation)]
    public void Other_skills(string text, GatewaySkill skill) =>
        Assert.Equal(skill, NaturalLanguageRequestParser.Parse(text).Skill);

    [Theory]
    [InlineData("List available evaluations")]
    [InlineData("Which evaluations are there?")]
    [InlineData("show me the available results")]
    public void Listing_evaluations_is_get_results_with_list_available(string text)
    {
        var call = NaturalLanguageRequestParser.Parse(text);
        Assert.Equal(GatewaySkill.GetResults, call.Skill);
        Assert.True(call.ListAvailable);
    }

    [Fact]
    public void The_evaluation_id_is_read_from_a_results_request() =>
        Assert.Equal("eval-0123456789abcdef01234567", NaturalLanguageRequestParser.Parse("Get the results of eval-0123456789abcdef01234567.").EvaluationId);
}
