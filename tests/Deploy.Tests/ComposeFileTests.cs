using System.Text.RegularExpressions;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Tau2Observe.Deploy.Tests;

public sealed partial class ComposeFileTests(ITestOutputHelper output)
{
    private static readonly string ComposePath = Path.Combine(RepoPaths.Deploy, "compose.yaml");
    private static readonly YamlMappingNode Compose = Yaml.LoadSingle(ComposePath);

    private static readonly string[] DotnetServices = ["silo1", "silo2", "gateway", "mock-agents"];

    private static YamlMappingNode Services => Compose.Get("services").Map("services");

    private static YamlMappingNode Service(string name) =>
        Services.Get(name).Map($"service {name}");

    private static Dictionary<string, string> Environment(string service) =>
        Service(service).Get("environment").Entries().ToDictionary(e => e.Key, e => e.Value.Str() ?? "");

    [Fact]
    public void Has_the_required_services()
    {
        var names = Services.Entries().Select(e => e.Key).ToHashSet();
        foreach (var required in new[] { "redis", "silo1", "silo2", "gateway", "mock-agents", "datadog-agent" })
            Assert.Contains(required, names);
        Assert.Equal("tau2observe", Compose.Get("name").Str());
    }

    [Fact]
    public void Every_service_has_a_healthcheck_or_waits_for_healthy_services()
    {
        foreach (var (name, service) in Services.Entries())
        {
            var test = service.At("healthcheck", "test");
            var hasHealthcheck = test is not null && test.Items().Any() && service.At("healthcheck", "disable").Str() != "true";
            var dependsOn = service.Get("depends_on").Entries().ToList();
            var waitsForHealthy = dependsOn.Count > 0 && dependsOn.All(d => d.Value.Get("condition").Str() == "service_healthy");
            Assert.True(hasHealthcheck || waitsForHealthy, $"service {name}: no healthcheck and not waiting for healthy services");
        }
    }

    [Fact]
    public void Dependencies_name_existing_services_with_known_conditions()
    {
        var names = Services.Entries().Select(e => e.Key).ToHashSet();
        foreach (var (name, service) in Services.Entries())
            foreach (var (dependency, spec) in service.Get("depends_on").Entries())
            {
                Assert.Contains(dependency, names);
                Assert.Contains(spec.Get("condition").Str(), new[] { "service_started", "service_healthy", "service_completed_successfully" });
                Assert.NotEqual(name, dependency);
            }
        // The gateway only starts once both silos answer /health; silos wait for Redis.
        Assert.Equal("service_healthy", Service("gateway").At("depends_on", "silo1", "condition").Str());
        Assert.Equal("service_healthy", Service("gateway").At("depends_on", "silo2", "condition").Str());
        Assert.Equal("service_healthy", Service("silo1").At("depends_on", "redis", "condition").Str());
    }

    [Fact]
    public void Net_services_health_checks_call_their_health_endpoint()
    {
        foreach (var name in DotnetServices)
        {
            var test = string.Join(' ', Service(name).At("healthcheck", "test").Items().Select(i => i.Str()));
            Assert.Equal("CMD curl -fsS http://127.0.0.1:8080/health", test);
        }
    }

    [Fact]
    public void No_secret_is_inlined()
    {
        foreach (var (name, _) in Services.Entries())
            foreach (var (key, value) in Environment(name))
            {
                if (!SecretName().IsMatch(key)) continue;
                // Only a reference to the caller's environment (no literal, no non-empty default).
                Assert.Matches(@"^\$\{[A-Z0-9_]+(:?\?[^}]*)?\}$", value);
            }

        // Nothing in the file looks like a key: Datadog API keys are 32 hex digits, app keys 40.
        foreach (var (path, value) in Compose.Scalars())
            Assert.False(LooksLikeKey().IsMatch(value), $"{path} looks like an inlined key");

        var agent = Environment("datadog-agent");
        Assert.StartsWith("${DD_API_KEY", agent["DD_API_KEY"]);
        Assert.StartsWith("${DD_SITE", agent["DD_SITE"]);
    }

    [Fact]
    public void Ports_are_published_on_loopback_only_as_intended()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["gateway"] = ["127.0.0.1:8080:8080"],
            ["silo1"] = ["127.0.0.1:8081:8080"],
            ["mock-agents"] = ["127.0.0.1:8090:8080"],
        };
        foreach (var (name, service) in Services.Entries())
        {
            var published = service.Get("ports").Items().Select(p => p.Str() ?? "(long syntax)").ToArray();
            Assert.Equal(expected.GetValueOrDefault(name, []), published);
        }
        // Redis and the Agent's OTLP receivers stay on the compose network.
        Assert.Null(Service("redis").Get("ports"));
        Assert.Null(Service("datadog-agent").Get("ports"));
    }

    [Fact]
    public void Silos_cluster_through_redis()
    {
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            var env = Environment(silo);
            Assert.Equal("redis", env["Tau2Observe__Backend"]);
            Assert.Equal("redis:6379", env["Tau2Observe__Redis"]);
            Assert.Equal("tau2observe/silo:${DD_VERSION:-dev}", Service(silo).Get("image").Str());
        }
        var gateway = Environment("gateway");
        Assert.Equal("redis", gateway["Tau2Observe__Backend"]);
        Assert.Equal("redis:6379", gateway["Tau2Observe__Redis"]);
        Assert.Equal("redis:7-alpine", Service("redis").Get("image").Str());
    }

    [Fact]
    public void Net_services_export_otlp_to_the_agent_and_read_the_mounted_data()
    {
        foreach (var name in DotnetServices)
        {
            var env = Environment(name);
            Assert.Equal("http://datadog-agent:4318", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.StartsWith("tau2observe-", env["OTEL_SERVICE_NAME"]);
            Assert.Equal(env["OTEL_SERVICE_NAME"], env["DD_SERVICE"]);
            Assert.Contains("deployment.environment=${DD_ENV", env["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Contains("service.version=${DD_VERSION", env["OTEL_RESOURCE_ATTRIBUTES"]);
            Assert.Equal("/data", env["TAU2_DATA_DIR"]);

            var dataVolume = Service(name).Get("volumes").Items().SingleOrDefault(v => v.Get("target").Str() == "/data");
            Assert.NotNull(dataVolume);
            Assert.Equal("true", dataVolume.Get("read_only").Str());
        }
    }

    [Fact]
    public void Agent_receives_otlp_over_grpc_and_http()
    {
        var agent = Service("datadog-agent");
        Assert.Equal("gcr.io/datadoghq/agent:7", agent.Get("image").Str());
        var env = Environment("datadog-agent");
        Assert.Equal("0.0.0.0:4317", env["DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_GRPC_ENDPOINT"]);
        Assert.Equal("0.0.0.0:4318", env["DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_HTTP_ENDPOINT"]);
        Assert.Equal("true", env["DD_LOGS_ENABLED"]);
        Assert.Equal("true", env["DD_OTLP_CONFIG_LOGS_ENABLED"]);
    }

    [Fact]
    public void Builds_point_at_existing_dockerfiles_from_the_repository_root()
    {
        var built = 0;
        foreach (var (name, service) in Services.Entries())
        {
            if (service.Get("build") is not { } build) continue;
            built++;
            var context = Path.GetFullPath(Path.Combine(RepoPaths.Deploy, build.Get("context").Str()!));
            Assert.Equal(RepoPaths.Root.TrimEnd('/'), context.TrimEnd('/'));
            var dockerfile = Path.Combine(context, build.Get("dockerfile").Str()!);
            Assert.True(File.Exists(dockerfile), $"service {name}: {dockerfile} missing");
        }
        Assert.Equal(4, built);
    }

    /// <summary>
    /// `docker compose config` parses and interpolates the file without a Docker engine. Where the
    /// compose plugin is absent (as on the development machine), this test only says so.
    /// </summary>
    [Fact]
    public void Docker_compose_config_accepts_the_file_when_available()
    {
        if (!ProcessRunner.Succeeds("docker", "compose", "version"))
        {
            output.WriteLine("docker compose is not available here: `docker compose config` was not run");
            return;
        }
        var result = ProcessRunner.Run("docker", ["compose", "-f", "deploy/compose.yaml", "config", "--quiet"], RepoPaths.Root,
            new Dictionary<string, string> { ["DD_API_KEY"] = "placeholder-for-config-check" });
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [GeneratedRegex("(API_KEY|APP_KEY|SECRET|TOKEN|PASSWORD)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b([0-9a-f]{32}|[0-9a-f]{40})\b")]
    private static partial Regex LooksLikeKey();
}
