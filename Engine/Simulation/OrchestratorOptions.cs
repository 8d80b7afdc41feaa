namespace Tau2Observe.Engine.Simulation;

/// <summary>Run limits and seed (tau2 CLI defaults: 200 steps, 10 errors; the evaluation service caps steps at 50).</summary>
public sealed record OrchestratorOptions(int MaxSteps = 200, int MaxErrors = 10, long? Seed = null, bool SoloMode = false)
{
    public void Validate()
    {
        if (MaxSteps <= 0) throw new ArgumentOutOfRangeException(nameof(MaxSteps), "max_steps must be > 0");
        if (MaxErrors <= 0) throw new ArgumentOutOfRangeException(nameof(MaxErrors), "max_errors must be > 0");
    }
}
