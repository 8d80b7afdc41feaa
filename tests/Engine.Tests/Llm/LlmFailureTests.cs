using Microsoft.Extensions.AI;
using System.Diagnostics;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmFailureTests
{
    private static ParticipantState Greeted()
    {
        var state = new ParticipantState();
        state.History.Add(Message.Assistant(Orchestrator.Greeting, cost: 0.0));
        return state;
    }

    private static IEnumerable<string> MessagesOf(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x.Message;
    }

    [Fact]
    public async Task A_429_is_retried_after_the_providers_Retry_After()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Error(429, "Rate limit reached for gpt-4.1 on requests per min (RPM): Limit 3.", "requests", "rate_limit_exceeded", retryAfter: "1"),
            FakeReply.Completion("Hello."));
        var logger = new CapturingLogger();
        var user = LlmTestSetup.User(server, logger: logger); // backoff alone would wait at most 40 ms
        var clock = Stopwatch.StartNew();

        var reply = await user.GenerateAsync(Greeted(), [], CancellationToken.None);

        Assert.Equal("Hello.", reply.Content);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.ElapsedMilliseconds} ms");
        var line = Assert.Single(logger.Lines);
        Assert.Contains("RateLimited", line);
        Assert.Contains("Retry 1 of 3 in 1000 ms", line);
    }

    [Fact]
    public async Task Server_errors_are_retried_three_times_then_the_run_ends_as_infrastructure_error()
    {
        using var server = new FakeOpenAiServer().Reply(Enumerable.Repeat(FakeReply.Error(503, "The model is overloaded.", "server_error"), 4).ToArray());
        var logger = new CapturingLogger();
        var user = LlmTestSetup.User(server, logger: logger);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.Equal(4, server.Requests.Count);
        Assert.True(e.IsInfrastructure);
        Assert.StartsWith("USER_LLM_UNAVAILABLE: openai/gpt-4.1: HTTP 503 [server_error]: provider error: The model is overloaded.", e.Message);
        Assert.EndsWith("(gave up after 3 retries)", e.Message);
        Assert.Equal(["Retry 1 of 3", "Retry 2 of 3", "Retry 3 of 3"], logger.Lines.Select(l => l[l.IndexOf("Retry ", StringComparison.Ordinal)..][..12]));
    }

    [Fact]
    public async Task A_reply_slower_than_the_attempt_timeout_is_retried()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Completion("late") with { Delay = TimeSpan.FromSeconds(10) },
            FakeReply.Completion("Hello."));
        var logger = new CapturingLogger();
        var user = LlmTestSetup.User(server, logger: logger, options: LlmTestSetup.FastRetries with { AttemptTimeout = TimeSpan.FromSeconds(1.5) });

        var reply = await user.GenerateAsync(Greeted(), [], CancellationToken.None);

        Assert.Equal("Hello.", reply.Content);
        Assert.Contains("failed (Timeout): openai/gpt-4.1: no reply in time. Retry 1 of 3", logger.Lines[0]);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Rejected_credentials_fail_at_once_and_the_key_appears_in_no_message_or_log(int status)
    {
        // OpenAI echoes (part of) the rejected key in its error text; this fake echoes all of it
        using var server = new FakeOpenAiServer().Reply(FakeReply.Error(status,
            $"Incorrect API key provided: {LlmTestSetup.ApiKey}. You can find your API key at https://platform.openai.com/account/api-keys.",
            "invalid_request_error", "invalid_api_key"));
        var logger = new CapturingLogger();
        var user = LlmTestSetup.User(server, logger: logger);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.Equal("Bearer " + LlmTestSetup.ApiKey, Assert.Single(server.Requests).Authorization);
        Assert.True(e.IsInfrastructure);
        Assert.Equal($"USER_LLM_AUTH_FAILED: openai/gpt-4.1: HTTP {status} [invalid_api_key]: the provider rejected the API key or does not let it use this model", e.Message);
        Assert.All(MessagesOf(e), m => Assert.DoesNotContain(LlmTestSetup.ApiKey, m));
        Assert.DoesNotContain(LlmTestSetup.ApiKey, e.ToString());
        Assert.All(logger.Lines, l => Assert.DoesNotContain(LlmTestSetup.ApiKey, l));
    }

    [Fact]
    public async Task A_context_length_error_is_not_retried_and_blames_the_user_simulator()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Error(400,
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
            "invalid_request_error", "context_length_exceeded", "messages"));
        var user = LlmTestSetup.User(server);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.False(e.IsInfrastructure);
        Assert.StartsWith("USER_LLM_CONTEXT_LENGTH_EXCEEDED: openai/gpt-4.1: HTTP 400 [context_length_exceeded]: ", e.Message);
    }

    [Fact]
    public async Task Geminis_list_shaped_error_body_is_understood()
    {
        using var server = new FakeOpenAiServer().Reply(new FakeReply(400,
            """[{"error": {"code": 400, "message": "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", "status": "INVALID_ARGUMENT"}}]"""));
        var user = LlmTestSetup.User(server, "gemini/gemini-2.5-flash");

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.False(e.IsInfrastructure);
        Assert.Equal("USER_LLM_CONTEXT_LENGTH_EXCEEDED: gemini/gemini-2.5-flash: HTTP 400 [INVALID_ARGUMENT]: the conversation exceeds the model's context window: " +
            "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).", e.Message);
    }

    [Fact]
    public async Task An_exhausted_quota_is_not_retried()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Error(429,
            "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota"));
        var user = LlmTestSetup.User(server);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.True(e.IsInfrastructure);
        Assert.StartsWith("USER_LLM_QUOTA_EXHAUSTED: ", e.Message);
    }

    [Fact]
    public async Task An_unknown_model_is_a_rejected_request_without_retries()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Error(404, "The model `gpt-9` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"));
        var user = LlmTestSetup.User(server, "gpt-9");

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.True(e.IsInfrastructure);
        Assert.StartsWith("USER_LLM_REQUEST_REJECTED: openai/gpt-9: HTTP 404 [model_not_found]", e.Message);
    }

    [Fact]
    public async Task An_unreachable_provider_is_retried_then_reported_as_infrastructure()
    {
        int closedPort;
        using (var probe = new FakeOpenAiServer()) closedPort = probe.Port;
        var logger = new CapturingLogger();
        var client = new LlmClientFactory(LlmTestSetup.FastRetries, logger: logger)
            .Create(LlmEndpoint.Resolve("openai/gpt-4.1", LlmTestSetup.ApiKey, new Uri($"http://127.0.0.1:{closedPort}/v1/")));
        var user = new Users.LlmUserSimulator(client, LlmTestSetup.Context(), LlmTestSetup.Guidelines, new Users.LlmUserSimulatorOptions(LlmModelId.Parse("openai/gpt-4.1")));

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(Greeted(), [], CancellationToken.None));

        Assert.True(e.IsInfrastructure);
        Assert.StartsWith("USER_LLM_UNAVAILABLE: openai/gpt-4.1: the provider could not be reached", e.Message);
        Assert.Equal(3, logger.Lines.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_neither_retried_nor_turned_into_a_participant_error()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("late") with { Delay = TimeSpan.FromSeconds(3) });
        var user = LlmTestSetup.User(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => user.GenerateAsync(Greeted(), [], cts.Token));

        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("v1", "/v1/chat/completions")]
    [InlineData("v1/", "/v1/chat/completions")]
    [InlineData("", "/chat/completions")]
    public async Task The_base_url_decides_the_path(string basePath, string expectedPath)
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Hi."));
        var client = new LlmClientFactory(LlmTestSetup.FastRetries)
            .Create(LlmEndpoint.Resolve("openai/gpt-4.1", LlmTestSetup.ApiKey, new Uri($"http://127.0.0.1:{server.Port}/{basePath}")));

        await client.GetResponseAsync("Hello");

        Assert.Equal(expectedPath, Assert.Single(server.Requests).Path);
    }
}
