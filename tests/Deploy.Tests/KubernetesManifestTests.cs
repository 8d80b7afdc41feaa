using YamlDotNet.RepresentationModel;

namespace Tau2Observe.Deploy.Tests;

public sealed class KubernetesManifestTests
{
    private static readonly string K8s = Path.Combine(RepoPaths.Deploy, "k8s");

    /// <summary>Every Kubernetes manifest: all YAML under deploy/k8s except kustomization.yaml and the Helm values in datadog/.</summary>
    private static IEnumerable<string> ManifestFiles() =>
        Directory.EnumerateFiles(K8s, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Where(f => !Path.GetRelativePath(K8s, f).StartsWith("datadog" + Path.DirectorySeparatorChar))
            .Order();

    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        foreach (var f in ManifestFiles()) data.Add(Path.GetRelativePath(K8s, f));
        return data;
    }

    private static IReadOnlyList<YamlMappingNode> Objects(string relative) => Yaml.LoadDocuments(Path.Combine(K8s, relative));

    private static List<YamlMappingNode> AllObjects() => ManifestFiles().SelectMany(Yaml.LoadDocuments).ToList();

    private static List<YamlMappingNode> AppObjects() =>
        Kustomization().Get("resources").Items().SelectMany(r => Yaml.LoadDocuments(Path.Combine(K8s, r.Str()!))).ToList();

    private static YamlMappingNode Kustomization() => Yaml.LoadSingle(Path.Combine(K8s, "kustomization.yaml"));

    /// <summary>The pod spec of a Deployment or Pod, with its name.</summary>
    private static IEnumerable<(string Name, string Kind, YamlNode Pod)> Workloads(IEnumerable<YamlMappingNode> objects)
    {
        foreach (var o in objects)
        {
            var name = o.At("metadata", "name").Str()!;
            switch (o.Get("kind").Str())
            {
                case "Deployment": yield return (name, "Deployment", o.At("spec", "template", "spec")!); break;
                case "Pod": yield return (name, "Pod", o.Get("spec")!); break;
            }
        }
    }

    [Theory, MemberData(nameof(Manifests))]
    public void Every_document_has_api_version_kind_and_name(string manifest)
    {
        var objects = Objects(manifest);
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            Assert.False(string.IsNullOrEmpty(o.Get("apiVersion").Str()), $"{manifest}: apiVersion missing");
            Assert.False(string.IsNullOrEmpty(o.Get("kind").Str()), $"{manifest}: kind missing");
            Assert.False(string.IsNullOrEmpty(o.At("metadata", "name").Str()), $"{manifest}: metadata.name missing");
        }
    }

    [Fact]
    public void Kustomization_lists_every_top_level_manifest()
    {
        var listed = Kustomization().Get("resources").Items().Select(r => r.Str()!).Order().ToList();
        var files = Directory.EnumerateFiles(K8s, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml").Order().ToList();
        Assert.Equal(files, listed);
        Assert.Equal("tau2observe", Kustomization().Get("namespace").Str());
    }

    [Fact]
    public void Workloads_run_as_non_root_without_privilege_escalation()
    {
        var workloads = Workloads(AllObjects()).ToList();
        Assert.NotEmpty(workloads);
        foreach (var (name, _, pod) in workloads)
        {
            var podContext = pod.Get("securityContext");
            foreach (var container in pod.Get("containers").Items().Concat(pod.Get("initContainers").Items()))
            {
                var context = container.Get("securityContext");
                var nonRoot = context.Get("runAsNonRoot").Str() ?? podContext.Get("runAsNonRoot").Str();
                var user = context.Get("runAsUser").Str() ?? podContext.Get("runAsUser").Str();
                Assert.True(nonRoot == "true", $"{name}: runAsNonRoot must be true");
                Assert.True(user is not null && user != "0", $"{name}: runAsUser must be a non-zero uid");
                Assert.Equal("false", context.Get("allowPrivilegeEscalation").Str());
                Assert.Contains("ALL", context.At("capabilities", "drop").Items().Select(i => i.Str()));
            }
        }
    }

    [Fact]
    public void Containers_request_cpu_and_memory_and_limit_memory()
    {
        foreach (var (name, _, pod) in Workloads(AllObjects()))
            foreach (var container in pod.Get("containers").Items())
            {
                Assert.False(string.IsNullOrEmpty(container.At("resources", "requests", "cpu").Str()), $"{name}: cpu request missing");
                Assert.False(string.IsNullOrEmpty(container.At("resources", "requests", "memory").Str()), $"{name}: memory request missing");
                Assert.False(string.IsNullOrEmpty(container.At("resources", "limits", "memory").Str()), $"{name}: memory limit missing");
            }
    }

    [Fact]
    public void Deployments_have_readiness_and_liveness_probes()
    {
        var deployments = Workloads(AllObjects()).Where(w => w.Kind == "Deployment").ToList();
        Assert.Equal(4, deployments.Count);
        foreach (var (name, _, pod) in deployments)
            foreach (var container in pod.Get("containers").Items())
            {
                Assert.NotNull(container.Get("readinessProbe"));
                Assert.NotNull(container.Get("livenessProbe"));
                // The .NET hosts are probed on /health (Redis with redis-cli ping).
                if (name != "redis")
                    foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
                    {
                        Assert.Equal("/health", container.At(probe, "httpGet", "path").Str());
                        Assert.Equal("http", container.At(probe, "httpGet", "port").Str());
                        Assert.Contains(container.Get("ports").Items(), p => p.Get("name").Str() == "http" && p.Get("containerPort").Str() == "8080");
                    }
            }
    }

    [Fact]
    public void Silos_are_two_replicas_clustered_through_the_redis_service()
    {
        var objects = AppObjects();
        var silo = objects.Single(o => o.Get("kind").Str() == "Deployment" && o.At("metadata", "name").Str() == "silo");
        Assert.Equal("2", silo.At("spec", "replicas").Str());

        var config = objects.Single(o => o.Get("kind").Str() == "ConfigMap").Get("data");
        Assert.Equal("redis", config.Get("Tau2Observe__Backend").Str());
        Assert.Equal("redis:6379", config.Get("Tau2Observe__Redis").Str());
        Assert.Equal("/data", config.Get("TAU2_DATA_DIR").Str());

        var redis = objects.Single(o => o.Get("kind").Str() == "Service" && o.At("metadata", "name").Str() == "redis");
        Assert.Contains(redis.At("spec", "ports").Items(), p => p.Get("port").Str() == "6379");
        Assert.Contains(objects, o => o.Get("kind").Str() == "Deployment" && o.At("metadata", "name").Str() == "redis");
    }

    [Fact]
    public void Net_services_export_otlp_to_the_node_agent()
    {
        foreach (var (name, _, pod) in Workloads(AppObjects()).Where(w => w.Name != "redis"))
        {
            var container = pod.Get("containers").Items().Single();
            var env = container.Get("env").Items().ToDictionary(e => e.Get("name").Str()!, e => e);
            Assert.Equal("status.hostIP", env["HOST_IP"].At("valueFrom", "fieldRef", "fieldPath").Str());
            Assert.Equal("http://$(HOST_IP):4318", env["OTEL_EXPORTER_OTLP_ENDPOINT"].Get("value").Str());
            Assert.StartsWith("tau2observe-", env["OTEL_SERVICE_NAME"].Get("value").Str());
            Assert.Equal("tau2observe-config", container.Get("envFrom").Items().Single().At("configMapRef", "name").Str());
            Assert.Contains(container.Get("volumeMounts").Items(), m => m.Get("mountPath").Str() == "/data" && m.Get("readOnly").Str() == "true");
        }
    }

    [Fact]
    public void Services_select_deployments_and_claims_exist()
    {
        var objects = AppObjects();
        var podLabels = objects.Where(o => o.Get("kind").Str() == "Deployment")
            .Select(o => o.At("spec", "template", "metadata", "labels").Entries().ToDictionary(e => e.Key, e => e.Value.Str()))
            .ToList();
        foreach (var service in objects.Where(o => o.Get("kind").Str() == "Service"))
        {
            var selector = service.At("spec", "selector").Entries().ToList();
            Assert.NotEmpty(selector);
            Assert.Contains(podLabels, labels => selector.All(s => labels.GetValueOrDefault(s.Key) == s.Value.Str()));
        }

        var claims = AllObjects().Where(o => o.Get("kind").Str() == "PersistentVolumeClaim").Select(o => o.At("metadata", "name").Str()).ToHashSet();
        foreach (var (name, _, pod) in Workloads(AllObjects()))
            foreach (var volume in pod.Get("volumes").Items())
                if (volume.At("persistentVolumeClaim", "claimName").Str() is { } claim)
                    Assert.True(claims.Contains(claim), $"{name}: claim {claim} is not defined");
    }

    [Fact]
    public void No_secret_values_in_the_manifests()
    {
        Assert.DoesNotContain(AllObjects(), o => o.Get("kind").Str() == "Secret");
        foreach (var o in AllObjects())
            foreach (var (path, value) in o.Scalars())
                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(value, @"\b[0-9a-f]{32}\b"), $"{path} looks like an API key");
    }

    [Fact]
    public void Datadog_helm_values_enable_the_otlp_receivers()
    {
        var values = Yaml.LoadSingle(Path.Combine(K8s, "datadog", "values.yaml"));
        var otlp = values.At("datadog", "otlp", "receiver", "protocols");
        Assert.Equal("true", otlp.At("grpc", "enabled").Str());
        Assert.Equal("true", otlp.At("http", "enabled").Str());
        Assert.Equal("0.0.0.0:4318", otlp.At("http", "endpoint").Str());
        // The API key comes from a Kubernetes secret created by the operator, never from this file.
        Assert.Null(values.At("datadog", "apiKey"));
        Assert.False(string.IsNullOrEmpty(values.At("datadog", "apiKeyExistingSecret").Str()));
    }

    [Fact]
    public void Cloud_run_service_parses_and_takes_secrets_from_secret_manager()
    {
        var service = Yaml.LoadSingle(Path.Combine(RepoPaths.Deploy, "cloudrun", "service.yaml"));
        Assert.Equal("serving.knative.dev/v1", service.Get("apiVersion").Str());
        Assert.Equal("Service", service.Get("kind").Str());
        var containers = service.At("spec", "template", "spec", "containers").Items().ToList();
        Assert.Equal(["gateway", "silo", "datadog-agent"], containers.Select(c => c.Get("name").Str()));
        Assert.Equal("8080", containers[0].Get("ports").Items().Single().Get("containerPort").Str());
        Assert.Equal("/health", containers[0].At("startupProbe", "httpGet", "path").Str());
        foreach (var env in containers.SelectMany(c => c.Get("env").Items()))
            if (env.Get("name").Str() is "DD_API_KEY" or "DD_SITE")
            {
                Assert.Null(env.Get("value"));
                Assert.NotNull(env.At("valueFrom", "secretKeyRef", "name"));
            }
    }
}
