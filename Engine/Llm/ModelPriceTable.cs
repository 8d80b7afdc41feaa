using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Model prices keyed by canonical model string (<c>gemini/gemini-2.5-flash</c>). The default table is
/// the project's <c>data/model-prices.json</c>, embedded in the engine; an operator can load another.
/// A dated snapshot name (<c>gpt-4.1-2025-04-14</c>) falls back to its undated model.
/// </summary>
public sealed partial class ModelPriceTable
{
    private const string ResourceName = "Tau2Observe.Engine.Llm.model-prices.json";
    private static readonly Lazy<ModelPriceTable> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, ModelPrice> _prices;

    private ModelPriceTable(string asOf, Dictionary<string, ModelPrice> prices) => (AsOf, _prices) = (asOf, prices);

    public static ModelPriceTable Default => LazyDefault.Value;

    /// <summary>The date the prices were taken from the providers' price pages.</summary>
    public string AsOf { get; }

    public static ModelPriceTable FromFile(string path) => Parse(File.ReadAllText(path));

    public static ModelPriceTable Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in root.GetProperty("models").EnumerateObject())
        {
            var p = model.Value;
            prices[model.Name] = new ModelPrice(
                p.GetProperty("input").GetDouble(),
                p.GetProperty("output").GetDouble(),
                p.TryGetProperty("cached_input", out var cached) ? cached.GetDouble() : null);
        }
        return new ModelPriceTable(root.GetProperty("as_of").GetString() ?? "", prices);
    }

    public ModelPrice? Find(LlmModelId model)
    {
        var key = model.ToString();
        if (_prices.TryGetValue(key, out var price)) return price;
        var undated = DateSuffix().Replace(key, "");
        return undated != key && _prices.TryGetValue(undated, out price) ? price : null;
    }

    /// <summary>USD for one call, or null when the model has no price. The simulated model calls nothing, so it costs 0.</summary>
    public double? CostOf(LlmModelId model, long promptTokens, long completionTokens, long cachedPromptTokens)
    {
        if (model.IsSimulated) return 0.0;
        if (Find(model) is not { } p) return null;
        long cached = Math.Clamp(cachedPromptTokens, 0, promptTokens);
        return ((promptTokens - cached) * p.InputPerMillion
            + cached * (p.CachedInputPerMillion ?? p.InputPerMillion)
            + completionTokens * p.OutputPerMillion) / 1_000_000.0;
    }

    private static ModelPriceTable LoadEmbedded()
    {
        using var stream = typeof(ModelPriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing from the engine assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    [GeneratedRegex(@"-\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateSuffix();
}
