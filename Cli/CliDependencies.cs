using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Engine.Data;

namespace Tau2Observe.Cli;

/// <summary>What the commands are built from; tests swap the domains and add services to the embedded silo.</summary>
public sealed class CliDependencies
{
    /// <summary>Creates the engine's domain registry; by default from <c>TAU2_DATA_DIR</c>.</summary>
    public Func<DomainRegistry> CreateDomains { get; init; } = () => new DomainRegistry(TauDataDirectory.FromEnvironment());

    /// <summary>Extra services for the embedded silo (e.g. another participant resolver).</summary>
    public Action<IServiceCollection>? ConfigureEmbeddedSilo { get; init; }

    /// <summary>Reads environment variables (OTLP and Datadog settings); tests supply their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
