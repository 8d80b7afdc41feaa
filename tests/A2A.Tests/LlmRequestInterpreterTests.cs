using System.Text.Json.Nodes;

namespace Tau2Observe.A2A.Tests;

/// <summary>The optional LLM fallback for text requests the deterministic parser cannot place, against a fake OpenAI-compatible provider.</summary>
public class LlmRequestInterpreterTests
{
    private const string Vague = "Could you put the oracle through its paces on mock, two tasks please?";

    private static GatewayFactory Gateway(FakeChatProvider provider) => new()
    {
        Settings = { ["Gateway:RequestModel"] = "openai/gpt-4o-mini", ["Gateway:RequestModelBaseUrl"] = provider.BaseUrl.ToString() },
    };

    [Fact]
    public async Task A_request_the_parser_cannot_place_is_read_by_the_model_and_checked_like_a_data_part()
    {
        await using var provider = await FakeChatProvider.StartAsync(
            "Sure:\n```json\n{\"skill\": \"run_tau2_evaluation\", \"domain\": \"mock\", \"agent_endpoint\": \"oracle\", \"num_tasks\": 2}\n```");
        using var factory = Gateway(provider);

        var task = GatewayClient.Result(await new GatewayClient(factory.CreateClient()).SendTextAsync(Vague));

        Assert.StartsWith("eval-", (string?)task["id"]);
        var (_, request) = Assert.Single(factory.Evaluations.Started);
        Assert.Equal(("mock", "oracle", 2), (request.Domain, request.AgentEndpoint, request.NumTasks));
        var sent = Assert.Single(provider.Requests);
        Assert.Equal("gpt-4o-mini", (string?)sent["model"]);
        Assert.Equal(Vague, (string?)sent["messages"]![1]!["content"]);
    }

    [Theory]
    [InlineData("{\"skill\": \"help\"}")]
    [InlineData("I am not sure what you mean.")]
    [InlineData("{\"skill\": \"bake_a_cake\"}")]
    public async Task An_answer_that_is_no_skill_call_gives_the_help_text(string answer)
    {
        await using var provider = await FakeChatProvider.StartAsync(answer);
        using var factory = Gateway(provider);

        var task = GatewayClient.Result(await new GatewayClient(factory.CreateClient()).SendTextAsync(Vague));

        Assert.StartsWith("I run tau2-bench evaluations", (string?)task["artifacts"]![0]!["parts"]![0]!["text"]);
        Assert.Empty(factory.Evaluations.Started);
        Assert.Single(provider.Requests);
    }

    [Fact]
    public async Task A_limit_the_model_proposes_past_is_still_refused()
    {
        await using var provider = await FakeChatProvider.StartAsync("{\"skill\": \"run_tau2_evaluation\", \"domain\": \"mock\", \"agent_endpoint\": \"oracle\", \"num_tasks\": 500}");
        using var factory = Gateway(provider);

        var response = await new GatewayClient(factory.CreateClient()).SendTextAsync(Vague);

        Assert.Contains("num_tasks must be between 1 and 30", (string?)response["error"]!["message"]);
    }

    [Fact]
    public async Task Requests_the_parser_understands_never_reach_the_model()
    {
        await using var provider = await FakeChatProvider.StartAsync();
        using var factory = Gateway(provider);

        var task = GatewayClient.Result(await new GatewayClient(factory.CreateClient()).SendTextAsync("List available domains"));

        Assert.Equal("completed", (string?)task["status"]!["state"]);
        Assert.Empty(provider.Requests);
    }
}
