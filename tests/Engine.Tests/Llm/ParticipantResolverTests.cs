using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Tests.Llm;

public class ParticipantResolverTests
{
    private static readonly DefaultParticipantResolver Resolver =
        new(new TauDataDirectory(TestData.DataDir), environment: _ => null); // no server-side keys

    [Fact]
    public void Without_a_user_model_the_scripted_user_plays_against_the_chosen_agent()
    {
        var context = LlmTestSetup.Context();
        var oracle = Resolver.Resolve(new ParticipantSelection("oracle"));
        var remote = Resolver.Resolve(new ParticipantSelection("http://127.0.0.1:9/a2a/agent"));

        Assert.IsType<OracleAgent>(oracle.CreateAgent(context));
        Assert.IsType<ScriptedUserSimulator>(oracle.CreateUser(context));
        Assert.IsType<A2AAgent>(remote.CreateAgent(context));
    }

    [Fact]
    public void A_user_model_with_the_callers_key_gets_the_llm_user_simulator()
    {
        var participants = Resolver.Resolve(new ParticipantSelection("oracle", "gemini/gemini-2.5-flash", UserApiKey: LlmTestSetup.ApiKey));

        var user = Assert.IsType<LlmUserSimulator>(participants.CreateUser(LlmTestSetup.Context()));
        Assert.EndsWith("\n</scenario>", user.SystemPrompt);
    }

    [Fact]
    public void The_simulated_model_needs_no_key()
    {
        var participants = Resolver.Resolve(new ParticipantSelection("oracle", "simulated"));
        Assert.IsType<LlmUserSimulator>(participants.CreateUser(LlmTestSetup.Context()));
    }

    [Fact]
    public void A_user_model_without_any_key_fails_before_the_first_turn_naming_the_variable()
    {
        var e = Assert.Throws<LlmConfigurationException>(() => Resolver.Resolve(new ParticipantSelection("oracle", "gemini/gemini-2.5-flash")));
        Assert.Contains("GEMINI_API_KEY", e.Message);
    }

    [Fact]
    public void An_agent_that_is_neither_oracle_nor_a_url_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Resolver.Resolve(new ParticipantSelection("ftp://agent")));
        Assert.Contains("A2A URL", e.Message);
    }

    [Fact]
    public void The_selection_prints_without_its_key()
    {
        var selection = new ParticipantSelection("oracle", "gemini/gemini-2.5-flash", UserApiKey: LlmTestSetup.ApiKey);
        Assert.DoesNotContain(LlmTestSetup.ApiKey, selection.ToString());
        Assert.Contains("UserApiKey = (redacted)", selection.ToString());
    }
}
