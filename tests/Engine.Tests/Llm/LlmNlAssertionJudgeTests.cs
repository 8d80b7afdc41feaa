using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Tests.Simulation;
using Tau2Observe.Engine.Values;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmNlAssertionJudgeTests
{
    private static readonly List<Message> Trajectory =
    [
        Message.Assistant(Orchestrator.Greeting, cost: 0.0),
        Message.User("Please raise the counter by 2."),
        Message.Assistant(null, [new ToolCall { Id = "c1", Name = "increment", Arguments = new() { ["by"] = 2L } }]),
        Message.ToolResult("c1", "2", Roles.Assistant, false),
        Message.Assistant("Done, it's 2 now."),
    ];

    private static LlmNlAssertionJudge Judge(FakeOpenAiServer server, ILlmUsageSink? usage = null) =>
        new(new LlmClientFactory(LlmTestSetup.FastRetries).Create(LlmEndpoint.Resolve("gpt-4o-mini", LlmTestSetup.ApiKey, server.BaseUrl)),
            LlmNlAssertionJudge.DefaultModel, usage: usage);

    [Fact]
    public async Task The_request_lays_out_the_conversation_and_outcomes_as_tau2_does_and_the_reply_becomes_checks()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion(
            """{"results": [{"expectedOutcome": "Agent increments the counter", "reasoning": "It called increment.", "metExpectation": true}, {"expectedOutcome": "Agent doesn't apologise", "reasoning": "No apology.", "metExpectation": false}]}""",
            promptTokens: 1000, completionTokens: 100, model: "gpt-4o-mini-2024-07-18"));
        var usage = new LlmUsageAccumulator();

        var checks = await Judge(server, usage).JudgeAsync(Trajectory, ["Agent increments the counter", "Agent doesn't apologise"], CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        Assert.Equal("gpt-4o-mini", (string?)body["model"]);
        Assert.Equal(0.0, (double?)body["temperature"]);
        Assert.False(body.ContainsKey("tools"));
        Assert.False(body.ContainsKey("response_format"));
        var messages = server.Requests[0].Messages;
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Equal(LlmNlAssertionJudge.SystemPrompt, (string?)messages[0]!["content"]);
        Assert.Equal("user", (string?)messages[1]!["role"]);
        Assert.Equal(
            "\n        conversation:\n" +
            "        assistant: Hi! How can I help you today?\n" +
            "user: Please raise the counter by 2.\n" +
            "assistant: None\n" +
            "tool: 2\n" +
            "assistant: Done, it's 2 now.\n" +
            "        \n" +
            "        expectedOutcomes:\n" +
            "        ['Agent increments the counter', \"Agent doesn't apologise\"]\n" +
            "        ",
            (string?)messages[1]!["content"]);

        Assert.Equal(
            """[{"nl_assertion": "Agent increments the counter", "met": true, "justification": "It called increment."}, {"nl_assertion": "Agent doesn't apologise", "met": false, "justification": "No apology."}]""",
            PyJson.Dumps(checks.Select(c => (object?)c).ToList()));
        var judged = usage.For(LlmRoles.Judge);
        Assert.Equal((1, 1000L, 100L), (judged.Calls, judged.PromptTokens, judged.CompletionTokens));
        Assert.Equal((1000 * 0.15 + 100 * 0.60) / 1e6, judged.Cost!.Value, 12); // gpt-4o-mini
    }

    [Fact]
    public void A_reply_without_results_has_no_checks_and_a_fenced_reply_is_accepted()
    {
        Assert.Empty(LlmNlAssertionJudge.ParseReply("""{"verdict": "fine"}"""));
        var fenced = LlmNlAssertionJudge.ParseReply("```json\n{\"results\": [{\"expectedOutcome\": \"A\", \"reasoning\": \"r\", \"metExpectation\": \"false\"}]}\n```");
        Assert.Equal(false, Assert.Single(fenced)["met"]);
    }

    [Theory]
    [InlineData("The agent did well.", "could not be read")]
    [InlineData("[1, 2]", "it is not a JSON object")]
    [InlineData("""{"results": 5}""", "'results' is not a list")]
    [InlineData("""{"results": [{"expectedOutcome": "A", "reasoning": "r"}]}""", "result 0 has no 'metExpectation'")]
    [InlineData("""{"results": [{"expectedOutcome": "A", "reasoning": "r", "metExpectation": "maybe"}]}""", "result 0: 'metExpectation' is not a boolean")]
    public void An_unreadable_reply_is_an_evaluation_error_that_says_why(string reply, string why)
    {
        var e = Assert.Throws<EvaluationFailedException>(() => LlmNlAssertionJudge.ParseReply(reply));
        Assert.StartsWith("The NL-assertion judge's reply could not be read (", e.Message);
        Assert.Contains(why, e.Message);
        Assert.Contains(reply, e.Message);
    }

    [Fact]
    public async Task A_failed_judge_call_is_an_evaluation_error_carrying_the_llm_failure()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Error(401, $"Incorrect API key provided: {LlmTestSetup.ApiKey}.", "invalid_request_error", "invalid_api_key"));

        var e = await Assert.ThrowsAsync<EvaluationFailedException>(() => Judge(server).JudgeAsync(Trajectory, ["A"], CancellationToken.None));

        Assert.StartsWith("JUDGE_LLM_Authentication: openai/gpt-4o-mini: HTTP 401", e.Message);
        Assert.Equal(LlmErrorKind.Authentication, Assert.IsType<LlmCallException>(e.InnerException).Kind);
        Assert.DoesNotContain(LlmTestSetup.ApiKey, e.ToString());
    }

    [Fact]
    public async Task The_evaluator_grades_nl_assertions_with_the_judge()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion(
            """{"results": [{"expectedOutcome": "Agent increments the counter", "reasoning": "It did.", "metExpectation": true}]}"""));
        var task = new TauTask
        {
            Id = "t1",
            UserScenario = new UserScenario { PlainInstructions = "Raise the counter." },
            EvaluationCriteria = new EvaluationCriteria { NlAssertions = ["Agent increments the counter"], RewardBasis = [RewardType.NlAssertion] },
        };
        var run = new SimulationRun
        {
            TaskId = "t1", StartTime = Timestamps.Now(), EndTime = Timestamps.Now(), TerminationReason = TerminationReason.UserStop, Messages = Trajectory,
        };

        var reward = await new Evaluator(new CounterDomain(), Judge(server)).EvaluateAsync(run, task, EvaluationType.AllWithNlAssertions);

        Assert.Equal(1.0, reward.Reward);
        Assert.Equal(true, Assert.Single(reward.NlAssertions!)["met"]);
    }
}
