namespace Tau2Observe.Grains.Interfaces;

/// <summary>Keys of the grains below an evaluation. Keys identify grains only; their state carries the ids.</summary>
public static class GrainKeys
{
    /// <summary>The single <see cref="IEvaluationDirectoryGrain"/>.</summary>
    public const string Directory = "all";

    /// <summary>Page <paramref name="page"/> (0 the oldest) of the directory <paramref name="directory"/>.</summary>
    public static string DirectoryPage(string directory, int page) => $"{directory}/page/{page}";

    public static string Task(string evaluationId, string taskId) => $"{evaluationId}/{taskId}";

    /// <summary>The ids in a <see cref="Task"/> key (evaluation ids contain no '/').</summary>
    public static (string EvaluationId, string TaskId) ParseTask(string key) => key.Split('/', 2) switch
    {
        [var evaluationId, var taskId] => (evaluationId, taskId),
        _ => throw new ArgumentException($"'{key}' is not a task key"),
    };

    public static string Trial(string evaluationId, string taskId, int trial) => $"{evaluationId}/{taskId}/{trial}";
}
