using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// Locates ../shared/data (tau2 domain data) beside the checkout, or TAU2_DATA_DIR.
/// Missing data fails loudly: these tests never pass silently without it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Dir = new(Find);

    public static string DataDir => Dir.Value;


    public static TauTask MockTask(string id) =>
        TaskSetLoader.Load(Path.Combine(DataDir, "tau2", "domains", "mock", "tasks.json")).Single(t => t.Id == id);

    private static string Find()
    {
        if (System.Environment.GetEnvironmentVariable(TauDataDirectory.EnvironmentVariable) is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "tau2", "domains"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/data (tau2 data) not found above " + AppContext.BaseDirectory + "; set TAU2_DATA_DIR");
    }
}
