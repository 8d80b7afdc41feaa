using System.Security.Cryptography;
using System.Text.Json;

namespace Tau2Observe.Deploy.Tests;

/// <summary>
/// data/tau2-data.manifest.json pins every tau2 data file; data/fetch-tau2-data.sh --verify-only
/// checks a folder against it. Nothing here touches the network.
/// </summary>
public sealed class DataManifestTests
{
    private static readonly string ManifestPath = RepoPaths.In("data", "tau2-data.manifest.json");
    private static readonly string Script = RepoPaths.In("data", "fetch-tau2-data.sh");

    private sealed record FileEntry(string Path, long Size, string Sha256, string Source, JsonElement Raw);

    private static readonly Lazy<JsonDocument> Manifest = new(() => JsonDocument.Parse(File.ReadAllText(ManifestPath)));

    private static List<FileEntry> Files() =>
        Manifest.Value.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => new FileEntry(f.GetProperty("path").GetString()!, f.GetProperty("size").GetInt64(),
                f.GetProperty("sha256").GetString()!, f.GetProperty("source").GetString()!, f))
            .ToList();

    private static ProcessResult Verify(string folder) =>
        ProcessRunner.Run("bash", [Script, "--verify-only", folder], RepoPaths.Root, timeoutSeconds: 120);

    [Fact]
    public void Pins_the_fork_named_in_the_specifications()
    {
        var root = Manifest.Value.RootElement;
        Assert.Equal("wuTims/tau2-bench-agent", root.GetProperty("repository").GetString());
        Assert.Equal("8307878", root.GetProperty("commit").GetString());
        Assert.Equal("0.2.1-dev", root.GetProperty("package_version").GetString());
    }

    [Fact]
    public void Entries_are_well_formed()
    {
        var files = Files();
        Assert.NotEmpty(files);
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct().Count());
        foreach (var f in files)
        {
            Assert.Matches("^tau2/[A-Za-z0-9_./-]+$", f.Path);
            Assert.DoesNotContain("..", f.Path);
            Assert.Matches("^[0-9a-f]{64}$", f.Sha256);
            Assert.True(f.Size > 0);
            Assert.Contains(f.Source, new[] { "fork", "rebuilt" });
        }
    }

    [Fact]
    public void Airline_db_is_marked_as_a_rebuilt_copy_with_the_upstream_identity()
    {
        var airline = Files().Single(f => f.Path == "tau2/domains/airline/db.json");
        Assert.Equal("rebuilt", airline.Source);
        Assert.Equal("c6a1e817", airline.Raw.GetProperty("upstream").GetProperty("git_blob_prefix").GetString());
        Assert.Equal(7_042_714, airline.Raw.GetProperty("upstream").GetProperty("size").GetInt64());
        Assert.Single(Files(), f => f.Source == "rebuilt");
    }

    [Fact]
    public void Lists_exactly_the_files_of_the_reference_data_with_their_sizes_and_hashes()
    {
        var data = RepoPaths.SharedData;
        var onDisk = Directory.EnumerateFiles(Path.Combine(data, "tau2"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(data, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, Files().Select(f => f.Path).Order(StringComparer.Ordinal).ToList());
        foreach (var f in Files())
            Assert.Equal(f.Size, new FileInfo(Path.Combine(data, f.Path)).Length);
        // One full hash here; the script checks them all below.
        var mock = Files().Single(f => f.Path == "tau2/domains/mock/db.json");
        Assert.Equal(mock.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(data, mock.Path)))));
    }

    [Fact]
    public void Verify_only_passes_on_the_reference_data()
    {
        var result = Verify(RepoPaths.SharedData);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"tau2 data: all {Files().Count} files verified", result.Stdout);
    }

    [Fact]
    public void Verify_only_fails_clearly_on_a_changed_file()
    {
        var folder = Directory.CreateTempSubdirectory("tau2-verify-");
        try
        {
            // Links to the reference files, except one small file copied and changed.
            foreach (var f in Files())
            {
                var target = Path.Combine(folder.FullName, f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.CreateSymbolicLink(target, Path.Combine(RepoPaths.SharedData, f.Path));
            }
            var changed = Path.Combine(folder.FullName, "tau2", "domains", "mock", "policy.md");
            var text = File.ReadAllText(changed);
            File.Delete(changed);
            File.WriteAllText(changed, text.Replace('a', 'e'));

            var result = Verify(folder.FullName);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("MISMATCH", result.Stderr);
            Assert.Contains("tau2/domains/mock/policy.md: sha256", result.Stderr);
            Assert.Contains("1 of", result.Stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Verify_only_reports_missing_files()
    {
        var folder = Directory.CreateTempSubdirectory("tau2-empty-");
        try
        {
            var result = Verify(folder.FullName);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("tau2/domains/airline/db.json: missing", result.Stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Verify_is_an_alias_of_verify_only()
    {
        var result = ProcessRunner.Run("bash", [Script, "--verify", RepoPaths.SharedData], RepoPaths.Root, timeoutSeconds: 120);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"tau2 data: all {Files().Count} files verified", result.Stdout);
    }

    [Fact]
    public void A_fetch_without_network_stops_at_the_first_download_with_what_to_do_instead()
    {
        var folder = Directory.CreateTempSubdirectory("tau2-offline-");
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        int port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: curl gets "connection refused", as with no network
        try
        {
            var result = ProcessRunner.Run("bash", [Script, "--allow-upstream", folder.FullName], RepoPaths.Root,
                new Dictionary<string, string> { ["TAU2_DATA_BASE_URL"] = $"http://127.0.0.1:{port}" }, timeoutSeconds: 120);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"fetch-tau2-data: cannot reach http://127.0.0.1:{port} (curl exit 7: connection refused or no route).", result.Stderr);
            Assert.Contains("--verify-only DIR", result.Stderr);
            // it gave up at once instead of trying every file
            Assert.DoesNotContain("FAILED", result.Stderr);
            Assert.Empty(Directory.EnumerateFiles(folder.FullName, "*", SearchOption.AllDirectories));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The data is third-party: no file committed to the repository may be a copy of a pinned file.</summary>
    [Fact]
    public void The_repository_holds_no_copy_of_the_data()
    {
        var listing = ProcessRunner.Run("git", ["ls-files", "-z", "--cached"], RepoPaths.Root);
        Assert.True(listing.ExitCode == 0, listing.ToString());
        var tracked = listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(tracked);
        Assert.DoesNotContain(tracked, f => f.StartsWith("data/tau2/"));

        var pinned = Files().ToLookup(f => f.Size);
        foreach (var relative in tracked)
        {
            var info = new FileInfo(Path.Combine(RepoPaths.Root, relative));
            if (!info.Exists || info.LinkTarget is not null || !pinned.Contains(info.Length)) continue;
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(info.FullName)));
            Assert.DoesNotContain(pinned[info.Length], f => f.Sha256 == sha);
        }
    }
}
