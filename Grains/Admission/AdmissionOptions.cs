namespace Tau2Observe.Grains.Admission;

/// <summary>Cluster-wide admission control (configuration section <c>Tau2Observe:Admission</c>); no rule, no limit.</summary>
public sealed class AdmissionOptions
{
    public const string Section = "Tau2Observe:Admission";

    /// <summary>Limits per resource: <c>agent:&lt;endpoint&gt;</c>, <c>provider:&lt;name&gt;</c>, or <c>agent:*</c> / <c>provider:*</c> for each one not named.</summary>
    public List<AdmissionRule> Rules { get; set; } = [];

    /// <summary>How often a waiting trial asks again.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A holder that has not been heard of for this long (its silo died) loses its slot.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The window of the tokens-per-minute budget (one minute; shorter only in tests).</summary>
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);

    public AdmissionRule? RuleFor(string resource)
    {
        var exact = Rules.Find(r => string.Equals(r.Resource, resource, StringComparison.Ordinal));
        if (exact is not null) return exact;
        string kind = resource[..(resource.IndexOf(':') + 1)];
        return Rules.Find(r => r.Resource == kind + "*");
    }
}
