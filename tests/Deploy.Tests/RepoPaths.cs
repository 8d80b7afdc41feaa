namespace Tau2Observe.Deploy.Tests;

/// <summary>Locates the checkout (the folder with Tau2Observe.sln) and the tau2 data beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<string> LazyData = new(FindSharedData);

    public static string Root => LazyRoot.Value;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string In(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// The folder that contains tau2/: TAU2_DATA_DIR if set, else ../shared/data found above the
    /// test binaries (as tests/Engine.Tests does). Missing data fails loudly, never silently.
    /// </summary>
    public static string SharedData => LazyData.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tau2Observe.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Tau2Observe.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindSharedData()
    {
        if (Environment.GetEnvironmentVariable("TAU2_DATA_DIR") is { Length: > 0 } fromEnv)
        {
            if (!Directory.Exists(Path.Combine(fromEnv, "tau2")))
                throw new DirectoryNotFoundException($"TAU2_DATA_DIR={fromEnv} has no tau2/ folder");
            return Path.GetFullPath(fromEnv);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "tau2"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "tau2 data not found: set TAU2_DATA_DIR or place ../shared/data beside the checkout (searched above " + AppContext.BaseDirectory + ")");
    }
}
