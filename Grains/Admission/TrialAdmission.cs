using System.Security.Cryptography;
using System.Text;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Admission;

/// <summary>
/// The admission resources one trial needs (its agent endpoint; its user simulator's provider and
/// key) that have a configured rule, and the calls to take, keep and give back their slots.
/// Slots are taken all or none, so a trial never sits on one while it waits for another.
/// </summary>
public sealed class TrialAdmission
{
    private readonly string _holder;
    private readonly List<(IAdmissionGrain Grain, AdmissionLimit Limit)> _resources;

    public TrialAdmission(IGrainFactory grains, AdmissionOptions options, string holder, string agentEndpoint, string? userModel, string? userApiKey)
    {
        _holder = holder;
        _resources = Resources(agentEndpoint, userModel, userApiKey)
            .Select(r => (r.Bucket, Rule: options.RuleFor(r.Resource)))
            .Where(r => r.Rule is { MaxConcurrentSimulations: > 0 } or { TokensPerMinute: > 0 })
            .Select(r => (grains.GetGrain<IAdmissionGrain>(r.Bucket), new AdmissionLimit
            {
                MaxConcurrentSimulations = r.Rule!.MaxConcurrentSimulations,
                TokensPerMinute = r.Rule.TokensPerMinute,
                LeaseTimeout = options.LeaseTimeout,
                TokenWindow = options.TokenWindow,
            }))
            .ToList();
    }

    public bool IsLimited => _resources.Count > 0;

    /// <summary>Takes every slot, or none (giving back those taken) and returns false.</summary>
    public async Task<bool> TryAcquireAsync()
    {
        for (int i = 0; i < _resources.Count; i++)
        {
            if (await _resources[i].Grain.TryAcquire(_holder, _resources[i].Limit)) continue;
            for (int j = 0; j < i; j++) await _resources[j].Grain.Release(_holder);
            return false;
        }
        return true;
    }

    public Task HeartbeatAsync(long tokens) =>
        Task.WhenAll(_resources.Select(r => r.Grain.Heartbeat(_holder, tokens, r.Limit)));

    public Task ReleaseAsync() => Task.WhenAll(_resources.Select(r => r.Grain.Release(_holder)));

    /// <summary>(resource a rule names, bucket = grain key). A provider's bucket is per key: a fingerprint, never the key.</summary>
    private static IEnumerable<(string Resource, string Bucket)> Resources(string agentEndpoint, string? userModel, string? userApiKey)
    {
        string agent = "agent:" + agentEndpoint;
        yield return (agent, agent);
        if (userModel is null) yield break;
        var model = LlmModelId.Parse(userModel);
        if (model.IsSimulated) yield break;
        string provider = "provider:" + model.Provider;
        yield return (provider, provider + "#" + Fingerprint(userApiKey));
    }

    private static string Fingerprint(string? key) =>
        string.IsNullOrEmpty(key) ? "server" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
}
