namespace Tau2Observe.Grains.Admission;

/// <summary>A bound on one resource; zero means no bound of that kind.</summary>
public sealed class AdmissionRule
{
    public string Resource { get; set; } = "";
    public int MaxConcurrentSimulations { get; set; }
    public long TokensPerMinute { get; set; }
}
