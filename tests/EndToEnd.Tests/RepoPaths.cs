namespace Tau2Observe.EndToEnd.Tests;

/// <summary>The checkout (the folder with Tau2Observe.sln), the tau2 data and the built host assemblies.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>TAU2_DATA_DIR if set, else ../shared/data beside the checkout.</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("TAU2_DATA_DIR") is { Length: > 0 } fromEnv ? fromEnv : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A host's entry assembly, built beside this test assembly (the test project references the hosts).</summary>
    public static string HostAssembly(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"Tau2Observe.{name}.dll");
        if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
            throw new FileNotFoundException($"{name} is not built beside the tests (expected {path} and its runtimeconfig.json)");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tau2Observe.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Tau2Observe.sln not found above " + AppContext.BaseDirectory);
    }
}
