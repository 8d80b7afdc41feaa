namespace Tau2Observe.EndToEnd.Tests;

/// <summary>Where the built hosts and the tau2 data are, found from this test assembly's location.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding <c>Tau2Observe.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>Debug</c> or <c>Release</c>: the hosts are run from the same build as the tests.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name is var c && c is "Debug" or "Release" ? c : "Debug";

    /// <summary><c>TAU2_DATA_DIR</c> when set, else <c>../shared/data</c> beside the checkout, as <c>.ci/run</c> does.</summary>
    public static string DataDirectory { get; } =
        Environment.GetEnvironmentVariable("TAU2_DATA_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A host's built entry assembly, e.g. <c>Silo/bin/Debug/net10.0/Tau2Observe.Silo.dll</c>.</summary>
    public static string HostDll(string project, string assembly)
    {
        var dll = Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution (or tests/EndToEnd.Tests, which references the hosts) first.", dll);
        return dll;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tau2Observe.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Tau2Observe.sln not found above {AppContext.BaseDirectory}");
    }
}
