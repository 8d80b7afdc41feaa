namespace Tau2Observe.Grains.Interfaces;

/// <summary>Keys of the grains below an evaluation. Keys identify grains only; their state carries the ids.</summary>
public static class GrainKeys
{
    /// <summary>The single <see cref="IEvaluationDirectoryGrain"/>.</summary>
    public const string Directory = "all";

    public static string Task(string evaluationId, string taskId) => $"{evaluationId}/{taskId}";

    public static string Trial(string evaluationId, string taskId, int trial) => $"{evaluationId}/{taskId}/{trial}";
}
