namespace Tau2Observe.Engine.Data;

/// <summary>
/// The LLM-visible tool schemas of a domain (<c>{"agent_tools": [...], "user_tools": [...]}</c>): a
/// <c>tool_schemas.json</c> in the domain's data folder when present (an operator can export the
/// reference wording from their own tau2-bench install), otherwise the copy embedded in the engine
/// as <c>&lt;domain&gt;.tool_schemas.json</c>.
/// </summary>
public static class DomainToolSchemas
{
    public const string OverrideFile = "tool_schemas.json";

    public static string Load(string domainName, string domainDataFolder)
    {
        var overridePath = Path.Combine(domainDataFolder, OverrideFile);
        if (File.Exists(overridePath)) return File.ReadAllText(overridePath);
        string resource = domainName + ".tool_schemas.json";
        using var stream = typeof(DomainToolSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
