using System.Text.Json;
using System.Text.RegularExpressions;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmUsageTests
{
    private static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tau2Observe.sln"))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_price_table_states_its_date_covers_the_common_models_and_uses_canonical_keys()
    {
        var path = RepoFile(Path.Combine("data", "model-prices.json"));
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var keys = doc.RootElement.GetProperty("models").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}$"), ModelPriceTable.Default.AsOf);
        Assert.Equal(ModelPriceTable.FromFile(path).AsOf, ModelPriceTable.Default.AsOf); // the embedded copy is the file
        Assert.All(keys, k => Assert.Equal(k, LlmModelId.Parse(k).ToString()));
        foreach (var model in new[] { "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "gemini/gemini-2.5-flash", "gemini/gemini-2.5-pro", "moonshot/kimi-k2-0905-preview" })
            Assert.NotNull(ModelPriceTable.Default.Find(LlmModelId.Parse(model)));
    }

    [Fact]
    public void Cost_charges_uncached_cached_and_output_tokens_at_their_own_prices()
    {
        var table = ModelPriceTable.Default;
        // gemini-2.5-flash: $0.30 in, $0.03 cached in, $2.50 out per million
        Assert.Equal((8000 * 0.30 + 2000 * 0.03 + 500 * 2.50) / 1e6, table.CostOf(LlmModelId.Parse("gemini/gemini-2.5-flash"), 10_000, 500, 2000)!.Value, 12);
        // a dated snapshot is priced as its model
        Assert.Equal(table.CostOf(LlmModelId.Parse("gpt-4.1"), 10, 10, 0), table.CostOf(LlmModelId.Parse("gpt-4.1-2025-04-14"), 10, 10, 0));
        // no cached price: cached tokens cost the input price
        var custom = ModelPriceTable.Parse("""{"as_of": "2025-01-01", "models": {"nebius/x": {"input": 1.0, "output": 2.0}}}""");
        Assert.Equal((100 * 1.0 + 10 * 2.0) / 1e6, custom.CostOf(LlmModelId.Parse("nebius/x"), 100, 10, 40)!.Value, 12);
        Assert.Null(custom.CostOf(LlmModelId.Parse("nebius/y"), 100, 10, 0));
        Assert.Equal(0.0, custom.CostOf(LlmModelId.Parse("simulated"), 100, 10, 0));
    }

    [Fact]
    public async Task An_unpriced_model_reports_its_tokens_with_a_null_cost()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Hi.", promptTokens: 321, completionTokens: 12, model: "my-finetune"));
        var usage = new LlmUsageAccumulator();
        var user = LlmTestSetup.User(server, "openai/my-finetune", usage: usage);
        var state = new ParticipantState();
        state.History.Add(Message.Assistant(Orchestrator.Greeting, cost: 0.0));

        var reply = await user.GenerateAsync(state, [], CancellationToken.None);

        Assert.Null(reply.Cost);
        Assert.Equal(12L, reply.Usage!["completion_tokens"]);
        Assert.Equal(321L, reply.Usage!["prompt_tokens"]);
        Assert.False(reply.Usage.ContainsKey("cached_tokens")); // not reported by this provider
        var total = usage.Total;
        Assert.Equal((1, 321L, 12L, 1), (total.Calls, total.PromptTokens, total.CompletionTokens, total.UnpricedCalls));
        Assert.Null(total.Cost);
    }

    [Fact]
    public void The_accumulator_sums_per_role_and_overall_and_one_unpriced_call_voids_the_cost()
    {
        var usage = new LlmUsageAccumulator();
        Parallel.For(0, 1000, i => usage.Record(new LlmUsage(i % 2 == 0 ? LlmRoles.User : LlmRoles.Agent, "openai/gpt-4.1", 10, 2, 1, 0.5)));
        usage.Record(new LlmUsage(LlmRoles.Judge, "openai/mystery", 7, 3, null, null));

        Assert.Equal(new LlmUsageTotals(500, 5000, 1000, 500, 250.0, 0), usage.For(LlmRoles.User));
        Assert.Equal(new LlmUsageTotals(500, 5000, 1000, 500, 250.0, 0), usage.For(LlmRoles.Agent));
        Assert.Equal(new LlmUsageTotals(1, 7, 3, 0, null, 1), usage.For(LlmRoles.Judge));
        Assert.Equal(new LlmUsageTotals(1001, 10_007, 2003, 1000, null, 1), usage.Total);
        Assert.Equal(LlmUsageTotals.Empty, usage.For("nobody"));
    }
}
