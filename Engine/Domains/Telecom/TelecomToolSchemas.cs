using System.Reflection;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The LLM-visible tool schemas (<c>{"agent_tools": [...], "user_tools": [...]}</c>), embedded with
/// the product's own descriptions; a <c>tool_schemas.json</c> in the data folder overrides them
/// (an operator can supply the reference wording from their own tau2-bench install).
/// </summary>
internal static class TelecomToolSchemas
{
    public const string OverrideFile = "tool_schemas.json";

    public static string Load(string domainName, string dataFolder)
    {
        var overridePath = Path.Combine(dataFolder, OverrideFile);
        if (File.Exists(overridePath)) return File.ReadAllText(overridePath);
        string suffix = "." + domainName + ".tool_schemas.json";
        var assembly = typeof(TelecomToolSchemas).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
