namespace Tau2Observe.Engine.Data;

/// <summary>
/// The tau2 data folder: <c>TAU2_DATA_DIR</c> names the directory that contains <c>tau2/</c>
/// (tau2's own convention). tau2's data is third-party and is never shipped in this repository.
/// </summary>
public sealed class TauDataDirectory
{
    public const string EnvironmentVariable = "TAU2_DATA_DIR";

    public TauDataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Path.Combine(Root, "tau2", "domains")))
            throw new DirectoryNotFoundException(
                $"tau2 data not found: expected '{Path.Combine(Root, "tau2", "domains")}'. " +
                $"Set {EnvironmentVariable} to the folder that contains tau2/domains/<domain>/ (for a checkout beside ../shared: {EnvironmentVariable}=../shared/data).");
    }

    public string Root { get; }

    /// <summary>From <c>TAU2_DATA_DIR</c>, or a clear error naming the variable and the expected layout.</summary>
    public static TauDataDirectory FromEnvironment(string? overridePath = null)
    {
        var path = overridePath ?? System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Point it at the folder that contains tau2/domains/<domain>/ " +
                $"(e.g. {EnvironmentVariable}=../shared/data, or fetch the pinned data with data/fetch-tau2-data.sh).");
        return new TauDataDirectory(path);
    }

    public string DomainDir(string domain) => Path.Combine(Root, "tau2", "domains", domain);

    public string DomainFile(string domain, string file)
    {
        var path = Path.Combine(DomainDir(domain), file);
        if (!File.Exists(path)) throw new FileNotFoundException($"tau2 data file missing: {path}", path);
        return path;
    }

    public string UserSimulatorFile(string file)
    {
        var path = Path.Combine(Root, "tau2", "user_simulator", file);
        if (!File.Exists(path)) throw new FileNotFoundException($"tau2 data file missing: {path}", path);
        return path;
    }
}
