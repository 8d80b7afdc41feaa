namespace Tau2Observe.Distributed.Tests;

/// <summary>Where the repository, the hosts' build output (same configuration as the tests) and the shared tau2 data are.</summary>
public static class RepositoryPaths
{
    private static readonly DirectoryInfo Output = new(AppContext.BaseDirectory);

    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, as the tests were built: bin/&lt;configuration&gt;/&lt;tfm&gt;/.</summary>
    public static string Configuration => Output.Parent!.Name;

    public static string TargetFramework => Output.Name;

    public static string SharedData =>
        Environment.GetEnvironmentVariable("TAU2_DATA_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <param name="assembly">The assembly's name where it is not Tau2Observe.&lt;project&gt; (the CLI's is tau2obs).</param>
    public static string HostAssembly(string project, string? assembly = null)
    {
        string dll = Path.Combine(Root, project, "bin", Configuration, TargetFramework, (assembly ?? $"Tau2Observe.{project}") + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built (expected {dll})");
    }

    private static string FindRoot()
    {
        for (var dir = Output; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tau2Observe.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Tau2Observe.sln not found above " + AppContext.BaseDirectory);
    }
}
