namespace Tau2Observe.Grains;

/// <summary>The grain storage every Tau2Observe grain persists to.</summary>
public static class GrainStorage
{
    public const string Name = "tau2";
}
