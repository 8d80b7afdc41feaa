using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.Cli;

/// <summary>What the commands are built from; tests swap the domains and add services to the embedded silo.</summary>
public sealed class CliDependencies
{
    /// <summary>Creates the engine's domain registry; by default from <c>TAU2_DATA_DIR</c>.</summary>
    public Func<DomainRegistry> CreateDomains { get; init; } = () => new DomainRegistry(TauDataDirectory.FromEnvironment());

    /// <summary>Creates the NL-assertion judge for a model string (<c>regrade --judge-model</c>); by default an LLM judge.</summary>
    public Func<string, INlAssertionJudge> CreateJudge { get; init; } = model =>
        new LlmNlAssertionJudge(new LlmClientFactory().Create(LlmEndpoint.Resolve(model)), LlmModelId.Parse(model));

    /// <summary>Extra services for the embedded silo (e.g. another participant resolver).</summary>
    public Action<IServiceCollection>? ConfigureEmbeddedSilo { get; init; }

    /// <summary>Reads environment variables (OTLP and Datadog settings); tests supply their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
