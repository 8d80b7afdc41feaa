using System.Text.RegularExpressions;

namespace Tau2Observe.Deploy.Tests;

/// <summary>docs/configuration.md documents every environment variable the deployment files set or read.</summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly string Doc = File.ReadAllText(RepoPaths.In("docs", "configuration.md"));

    private static IEnumerable<string> VariablesUsed()
    {
        var compose = Yaml.LoadSingle(Path.Combine(RepoPaths.Deploy, "compose.yaml"));
        foreach (var (_, service) in compose.Get("services").Entries())
            foreach (var (name, _) in service.Get("environment").Entries())
                yield return name;
        // Variables the compose file takes from the caller's environment (${NAME...}).
        foreach (Match m in Interpolation().Matches(File.ReadAllText(Path.Combine(RepoPaths.Deploy, "compose.yaml"))))
            yield return m.Groups[1].Value;

        var k8s = Path.Combine(RepoPaths.Deploy, "k8s");
        foreach (var file in Directory.EnumerateFiles(k8s, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml"))
            foreach (var o in Yaml.LoadDocuments(file))
            {
                if (o.Get("kind").Str() == "ConfigMap")
                    foreach (var (name, _) in o.Get("data").Entries()) yield return name;
                foreach (var container in o.At("spec", "template", "spec", "containers").Items())
                    foreach (var env in container.Get("env").Items()) yield return env.Get("name").Str()!;
            }

        var cloudRun = Yaml.LoadSingle(Path.Combine(RepoPaths.Deploy, "cloudrun", "service.yaml"));
        foreach (var container in cloudRun.At("spec", "template", "spec", "containers").Items())
            foreach (var env in container.Get("env").Items()) yield return env.Get("name").Str()!;

        yield return "TAU2_DATA_BASE_URL"; // data/fetch-tau2-data.sh
        yield return "ASPNETCORE_URLS";
    }

    [Fact]
    public void Every_variable_is_documented()
    {
        var missing = VariablesUsed().Distinct().Where(v => !Doc.Contains($"`{v}`")).Order().ToList();
        Assert.True(missing.Count == 0, "docs/configuration.md does not document: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
