using Tau2Observe.Engine.Llm;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmEndpointTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("gemini/gemini-2.5-flash", "gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta/openai/", "GEMINI_API_KEY")]
    [InlineData("openai/gpt-4.1", "openai", "gpt-4.1", "https://api.openai.com/v1/", "OPENAI_API_KEY")]
    [InlineData("gpt-4o-mini", "openai", "gpt-4o-mini", "https://api.openai.com/v1/", "OPENAI_API_KEY")]
    [InlineData("moonshot/kimi-k2-0905-preview", "moonshot", "kimi-k2-0905-preview", "https://api.moonshot.ai/v1/", "MOONSHOT_API_KEY")]
    [InlineData("nebius/moonshotai/Kimi-K2-Instruct", "nebius", "moonshotai/Kimi-K2-Instruct", "https://api.studio.nebius.com/v1/", "NEBIUS_API_KEY")]
    public void Model_strings_resolve_to_the_provider_endpoint_and_its_key_variable(string model, string provider, string name, string url, string keyVariable)
    {
        var endpoint = LlmEndpoint.Resolve(model, environment: Env((keyVariable, "k-from-env")));

        Assert.Equal(new LlmModelId(provider, name), endpoint.Model);
        Assert.Equal(new Uri(url), endpoint.BaseUrl);
        Assert.Equal("k-from-env", endpoint.ApiKey);
    }

    [Fact]
    public void An_explicit_key_wins_over_the_environment_and_GOOGLE_API_KEY_backs_up_Gemini()
    {
        Assert.Equal("explicit", LlmEndpoint.Resolve("gemini/gemini-2.5-pro", "explicit", environment: Env(("GEMINI_API_KEY", "env"))).ApiKey);
        Assert.Equal("google", LlmEndpoint.Resolve("gemini/gemini-2.5-pro", environment: Env(("GOOGLE_API_KEY", "google"))).ApiKey);
    }

    [Fact]
    public void A_custom_base_url_serves_any_model_name_and_needs_no_key()
    {
        var vllm = LlmEndpoint.Resolve("Qwen/Qwen3-8B", baseUrl: new Uri("http://127.0.0.1:8000/v1"), environment: Env());
        Assert.Equal(new LlmModelId("openai", "Qwen/Qwen3-8B"), vllm.Model);
        Assert.Equal(new Uri("http://127.0.0.1:8000/v1"), vllm.BaseUrl);
        Assert.Null(vllm.ApiKey);

        // LiteLLM's convention for OpenAI-compatible servers: openai/<served name>
        var proxied = LlmEndpoint.Resolve("openai/llama3.1", baseUrl: new Uri("http://127.0.0.1:11434/v1/"), environment: Env());
        Assert.Equal("llama3.1", proxied.Model.Name);
    }

    [Fact]
    public void A_provider_base_url_variable_overrides_its_public_endpoint()
    {
        var endpoint = LlmEndpoint.Resolve("nebius/moonshotai/Kimi-K2-Thinking",
            environment: Env(("NEBIUS_API_KEY", "k"), ("NEBIUS_API_BASE", "https://api.tokenfactory.nebius.com/v1/")));
        Assert.Equal(new Uri("https://api.tokenfactory.nebius.com/v1/"), endpoint.BaseUrl);
    }

    [Fact]
    public void A_public_endpoint_without_any_key_is_a_configuration_error_naming_the_variables()
    {
        var e = Assert.Throws<LlmConfigurationException>(() => LlmEndpoint.Resolve("gemini/gemini-2.5-flash", environment: Env()));
        Assert.Contains("GEMINI_API_KEY", e.Message);
        Assert.Contains("gemini/gemini-2.5-flash", e.Message);
    }

    [Fact]
    public void The_endpoint_text_never_shows_the_key()
    {
        var endpoint = LlmEndpoint.Resolve("openai/gpt-4.1", LlmTestSetup.ApiKey);
        Assert.DoesNotContain(LlmTestSetup.ApiKey, endpoint.ToString());
        Assert.Equal("openai/gpt-4.1 at https://api.openai.com/v1/", endpoint.ToString());
    }

    [Fact]
    public void The_simulated_model_needs_no_key_and_no_network()
    {
        var endpoint = LlmEndpoint.Resolve("simulated", environment: Env());
        Assert.True(endpoint.Model.IsSimulated);
        Assert.Null(endpoint.BaseUrl);
        Assert.Throws<LlmConfigurationException>(() => new LlmClientFactory().Create(endpoint));
        Assert.IsType<SimulatedUserChatClient>(new LlmClientFactory().Create(endpoint, LlmTestSetup.Task()));
    }
}
