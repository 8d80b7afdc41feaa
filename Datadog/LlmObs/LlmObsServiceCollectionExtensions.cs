using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Running;

namespace Tau2Observe.Datadog.LlmObs;

/// <summary>Registers agentless LLM Observability evaluations for every finished trial, when an API key is configured.</summary>
public static class LlmObsServiceCollectionExtensions
{
    /// <returns>Whether the listener was registered (false without <c>DD_API_KEY</c>).</returns>
    public static bool AddLlmObsEvaluations(this IServiceCollection services, LlmObsOptions options)
    {
        if (options.Settings.ApiKey is null) return false;
        services.AddSingleton<ITrialListener>(sp => new LlmObsTrialListener(new LlmObsEvaluationSubmitter(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            options,
            sp.GetService<ILogger<LlmObsEvaluationSubmitter>>())));
        return true;
    }
}
