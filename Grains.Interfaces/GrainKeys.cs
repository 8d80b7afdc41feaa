namespace Tau2Observe.Grains.Interfaces;

/// <summary>Keys of the grains below an evaluation. Keys identify grains only; their state carries the ids.</summary>
public static class GrainKeys
{
    /// <summary>The single <see cref="IEvaluationDirectoryGrain"/>.</summary>
    public const string Directory = "all";

    /// <summary>Page <paramref name="page"/> (0 the oldest) of the directory <paramref name="directory"/>.</summary>
    public static string DirectoryPage(string directory, int page) => $"{directory}/page/{page}";

    public static string Task(string evaluationId, string taskId) => $"{evaluationId}/{taskId}";

    public static string Trial(string evaluationId, string taskId, int trial) => $"{evaluationId}/{taskId}/{trial}";
}
