using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests;

/// <summary>
/// Locates ../shared (tau2 data and conformance vectors) beside the checkout, or TAU2_DATA_DIR.
/// Missing data fails loudly: these tests never pass silently without it.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> SharedDir = new(FindShared);
    private static readonly Lazy<DomainRegistry> LazyRegistry = new(() => new DomainRegistry(new TauDataDirectory(DataDir)));

    public static string Shared => SharedDir.Value;

    public static string DataDir =>
        System.Environment.GetEnvironmentVariable(TauDataDirectory.EnvironmentVariable) is { Length: > 0 } d ? d : Path.Combine(Shared, "data");

    public static DomainRegistry Registry => LazyRegistry.Value;

    public static string ConformanceFile(string name) => Path.Combine(Shared, "conformance", name);

    /// <summary>Vectors of one file as xunit theory rows: (case id) — looked up again by <see cref="Vector"/>.</summary>
    public static IEnumerable<object[]> CaseIds(string file) =>
        ConformanceRunner.ReadVectors(ConformanceFile(file)).Select(v => new object[] { (string)v["case_id"]! });

    private static readonly Dictionary<string, Dictionary<string, PyDict>> Cache = new();

    public static PyDict Vector(string file, string caseId)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var byId))
            {
                byId = ConformanceRunner.ReadVectors(ConformanceFile(file)).ToDictionary(v => (string)v["case_id"]!);
                Cache[file] = byId;
            }
            return byId[caseId];
        }
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "conformance"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared (tau2 data and conformance vectors) not found above " + AppContext.BaseDirectory);
    }
}
