using Tau2Observe.Engine.Domains.Telecom;
using Tau2Observe.Engine.Values;
using static Tau2Observe.Engine.Tests.Telecom.TelecomTestEnv;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>The embedded tool schemas: identical to the reference once description annotations are removed.</summary>
public class TelecomToolSchemaTests
{
    [Theory]
    [InlineData("telecom")]
    [InlineData("telecom-workflow")]
    public void Schemas_match_the_reference_without_descriptions(string domain)
    {
        var mine = (PyDict)PyJson.Parse(((TelecomDomain)TestData.Registry.Get(domain)).ToolSchemasJson())!;
        var reference = (PyDict)PyJson.Parse(File.ReadAllText(Path.Combine(TestData.Shared, "conformance", "tool_schemas", domain + ".json")))!;
        Assert.Equal(PyJson.Dumps(reference), PyJson.Dumps(StripDescriptions(mine)));
    }

    [Fact]
    public void Schemas_list_the_toolkits_tools_in_order_with_descriptions()
    {
        var env = Manual.CreateEnvironment();
        var schemas = (PyDict)PyJson.Parse(Manual.ToolSchemasJson())!;
        Assert.Equal(env.AgentTools.Tools.Select(t => t.Name), Names(schemas, "agent_tools"));
        Assert.Equal(env.UserTools!.Tools.Select(t => t.Name), Names(schemas, "user_tools"));
        foreach (var side in new[] { "agent_tools", "user_tools" })
            foreach (var tool in ((List<object?>)schemas[side]!).Cast<PyDict>())
                Assert.False(string.IsNullOrWhiteSpace(((PyDict)tool["function"]!)["description"] as string));
        Assert.Equal(13, env.AgentTools.Tools.Count);
        Assert.Equal(30, env.UserTools.Tools.Count);
    }

    [Fact]
    public void Tool_parameters_match_the_schemas()
    {
        var env = Manual.CreateEnvironment();
        var schemas = (PyDict)PyJson.Parse(Manual.ToolSchemasJson())!;
        var methods = env.AgentTools.Tools.Concat(env.UserTools!.Tools).ToDictionary(t => t.Name);
        foreach (var side in new[] { "agent_tools", "user_tools" })
        {
            foreach (var tool in ((List<object?>)schemas[side]!).Cast<PyDict>())
            {
                var function = (PyDict)tool["function"]!;
                var parameters = (PyDict)function["parameters"]!;
                var method = methods[(string)function["name"]!];
                Assert.Equal(((PyDict)parameters["properties"]!).Keys, method.Parameters.Select(p => p.Name));
                var required = parameters.GetOrDefault("required") as List<object?> ?? [];
                Assert.Equal(required.Cast<string>(), method.Parameters.Where(p => p.Required).Select(p => p.Name));
            }
        }
    }

    private static IEnumerable<string> Names(PyDict schemas, string side) =>
        ((List<object?>)schemas[side]!).Select(t => (string)((PyDict)((PyDict)t!)["function"]!)["name"]!);

    /// <summary>Removes the annotation <c>description</c> of tools, parameters, and <c>$defs</c> models and fields.</summary>
    private static PyDict StripDescriptions(PyDict schemas)
    {
        foreach (var side in schemas.Values.Cast<List<object?>>())
        {
            foreach (var tool in side.Cast<PyDict>())
            {
                var function = (PyDict)tool["function"]!;
                function.Remove("description");
                var parameters = (PyDict)function["parameters"]!;
                foreach (var property in ((PyDict)parameters["properties"]!).Values.Cast<PyDict>()) property.Remove("description");
                if (parameters.GetOrDefault("$defs") is PyDict defs)
                {
                    foreach (var model in defs.Values.Cast<PyDict>())
                    {
                        model.Remove("description");
                        if (model.GetOrDefault("properties") is PyDict fields)
                            foreach (var field in fields.Values.Cast<PyDict>()) field.Remove("description");
                    }
                }
            }
        }
        return schemas;
    }
}
