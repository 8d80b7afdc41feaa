using System.Diagnostics;
using Microsoft.Extensions.AI;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmTelemetryTests
{
    [Fact]
    public async Task Each_attempt_is_a_gen_ai_span_with_tokens_and_without_the_key_or_the_prompt()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Error(500, "boom", "server_error"),
            FakeReply.Completion("Hello.", promptTokens: 42, completionTokens: 7));
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Tau2Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        var client = new LlmClientFactory(LlmTestSetup.FastRetries).Create(LlmEndpoint.Resolve("openai/gpt-4.1", LlmTestSetup.ApiKey, server.BaseUrl));

        await client.GetResponseAsync("a secret prompt");

        var chat = spans.Where(s => s.DisplayName == "chat gpt-4.1").ToList();
        Assert.Equal(2, chat.Count);
        Assert.Equal(ActivityStatusCode.Error, chat[0].Status);
        Assert.Equal(42, chat[1].GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(7, chat[1].GetTagItem("gen_ai.usage.output_tokens"));
        var everything = string.Join("\n", chat.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")));
        Assert.DoesNotContain(LlmTestSetup.ApiKey, everything);
        Assert.DoesNotContain("a secret prompt", everything);
    }

    [Fact]
    public async Task Each_retry_is_an_event_on_the_calling_span_with_the_delay_the_provider_asked_for()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Error(429, "Rate limit reached.", "requests", "rate_limit_exceeded", retryAfter: "0"),
            FakeReply.Completion("Hello."));
        using var source = new ActivitySource("Tau2Observe.Tests.Retry");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var client = new LlmClientFactory(LlmTestSetup.FastRetries).Create(LlmEndpoint.Resolve("openai/gpt-4.1", LlmTestSetup.ApiKey, server.BaseUrl));

        using (var trial = source.StartActivity("trial")!)
        {
            await client.GetResponseAsync("hi");

            var retry = Assert.Single(trial.Events);
            Assert.Equal("llm.retry", retry.Name);
            var tags = retry.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal("openai/gpt-4.1", tags["gen_ai.request.model"]);
            Assert.Equal("RateLimited", tags["llm.error.kind"]);
            Assert.Equal(1, tags["llm.retry"]);
            Assert.Equal(0L, tags["llm.retry.delay_ms"]);
        }
    }
}
