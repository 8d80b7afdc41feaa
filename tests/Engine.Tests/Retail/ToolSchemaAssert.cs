using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>
/// Compares a domain's tool schemas with the reference file after removing description
/// annotations (on tools, parameters and <c>$defs</c>); a parameter named <c>description</c> is kept.
/// Key order is compared too, so the result is what an LLM request would carry.
/// </summary>
public static class ToolSchemaAssert
{
    public static void MatchesReference(string schemasJson, string referenceFile, Toolkit toolkit)
    {
        var ours = (PyDict)PyJson.Parse(schemasJson)!;
        var reference = PyJson.Parse(File.ReadAllText(Path.Combine(TestData.Shared, "conformance", "tool_schemas", referenceFile)));
        Assert.Equal(PyJson.Dumps(reference), PyJson.Dumps(Strip(ours, insideProperties: false)));

        // every annotation is present and non-empty: the LLM gets our own descriptions
        foreach (PyDict tool in ((List<object?>)ours["agent_tools"]!).Cast<PyDict>())
        {
            var function = (PyDict)tool["function"]!;
            Assert.False(string.IsNullOrWhiteSpace(function["description"] as string), $"{function["name"]} has no description");
            foreach (var (name, property) in (PyDict)((PyDict)function["parameters"]!)["properties"]!)
                Assert.False(string.IsNullOrWhiteSpace(((PyDict)property!).GetOrDefault("description") as string), $"{function["name"]}.{name} has no description");
        }
        Assert.Equal(toolkit.Tools.Select(t => t.Name), ((List<object?>)ours["agent_tools"]!).Select(t => ((PyDict)((PyDict)t!)["function"]!)["name"]));
    }

    /// <summary>Drops "description" keys except where they name a property (inside a "properties" map).</summary>
    private static object? Strip(object? value, bool insideProperties) => value switch
    {
        PyDict d => new PyDict(d
            .Where(kv => insideProperties || kv.Key != "description")
            .Select(kv => new KeyValuePair<string, object?>(kv.Key, Strip(kv.Value, !insideProperties && kv.Key == "properties")))),
        List<object?> l => l.Select(x => Strip(x, false)).ToList(),
        _ => value,
    };
}
