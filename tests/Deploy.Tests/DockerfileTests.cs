using System.Xml.Linq;

namespace Tau2Observe.Deploy.Tests;

/// <summary>
/// The Dockerfiles cannot be built here (no image registry), so these tests check by reading:
/// base images, non-root user, health check, entry point, and that each build context lets in
/// every project its host references.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Hosts => new() { "Silo", "Gateway", "MockAgents" };

    private static string DockerfilePath(string host) => Path.Combine(RepoPaths.Deploy, "docker", host + ".Dockerfile");

    /// <summary>Instructions with line continuations joined, comments dropped.</summary>
    private static List<string> Instructions(string host)
    {
        var result = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(DockerfilePath(host)))
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\')) { current += line[..^1] + " "; continue; }
            result.Add(current + line);
            current = "";
        }
        return result;
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Is_a_multi_stage_build_on_the_dotnet_10_images(string host)
    {
        var froms = Instructions(host).Where(i => i.StartsWith("FROM ")).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", froms[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", froms[1]);
        Assert.Contains(Instructions(host), i => i.StartsWith("COPY --from=build "));
        Assert.Contains(Instructions(host), i => i.StartsWith("RUN ") && i.Contains($"dotnet publish {host}/{host}.csproj"));
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Runs_as_a_non_root_user(string host)
    {
        var final = Instructions(host).SkipWhile(i => !i.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet")).ToList();
        var user = final.LastOrDefault(i => i.StartsWith("USER "));
        Assert.NotNull(user);
        var name = user["USER ".Length..].Trim();
        Assert.DoesNotContain(name, new[] { "root", "0", "0:0", "root:root" });
        // USER must come after the last RUN (package installs need root, the app must not).
        Assert.True(final.IndexOf(user) > final.FindLastIndex(i => i.StartsWith("RUN ")), "USER must follow every RUN of the final stage");
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Checks_health_on_the_health_endpoint(string host)
    {
        var healthcheck = Assert.Single(Instructions(host), i => i.StartsWith("HEALTHCHECK "));
        Assert.Matches(@"curl -fsS http://127\.0\.0\.1:8080/health( |$)", healthcheck);
        Assert.Contains(Instructions(host), i => i.StartsWith("EXPOSE ") && i.Split(' ').Contains("8080"));
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Starts_the_host_assembly(string host)
    {
        var entry = Assert.Single(Instructions(host), i => i.StartsWith("ENTRYPOINT "));
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"Tau2Observe.{host}.dll\"]", entry);
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Build_context_lets_in_every_referenced_project(string host)
    {
        var ignore = File.ReadAllLines(DockerfilePath(host) + ".dockerignore")
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal("*", ignore[0]);
        var included = ignore.Where(l => l.StartsWith('!')).Select(l => l[1..].TrimEnd('/')).ToHashSet();
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
            Assert.Contains(file, included);
        foreach (var project in ProjectClosure(host))
            Assert.True(included.Contains(project), $"{host}.Dockerfile.dockerignore must include !{project} (referenced by {host})");
        Assert.Contains("**/bin", ignore);
        Assert.Contains("**/obj", ignore);
    }

    /// <summary>Folder names of a project and everything it references, transitively.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([project]);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (!seen.Add(name)) continue;
            var csproj = Path.Combine(RepoPaths.Root, name, name + ".csproj");
            Assert.True(File.Exists(csproj), $"{csproj} missing");
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, include)))!);
                queue.Enqueue(folder);
            }
        }
        return seen;
    }
}
