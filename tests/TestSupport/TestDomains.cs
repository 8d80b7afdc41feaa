using Tau2Observe.Engine.Data;

namespace Tau2Observe.TestSupport;

/// <summary>A domain registry with the toy domain, over the shared tau2 data (<c>../shared/data</c> or TAU2_DATA_DIR).</summary>
public static class TestDomains
{
    public static DomainRegistry CreateRegistry() =>
        new DomainRegistry(new TauDataDirectory(DataDir)).Register(ToyDomain.DomainName, () => new ToyDomain());

    public static string DataDir =>
        System.Environment.GetEnvironmentVariable(TauDataDirectory.EnvironmentVariable) is { Length: > 0 } dir ? dir : FindSharedData();

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "tau2", "domains"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/data (tau2 data) not found above " + AppContext.BaseDirectory);
    }
}
