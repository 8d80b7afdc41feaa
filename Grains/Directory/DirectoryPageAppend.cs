namespace Tau2Observe.Grains.Directory;

/// <summary>What <see cref="IEvaluationDirectoryPageGrain.Append"/> did.</summary>
[GenerateSerializer, Alias("tau2obs.DirectoryPageAppend")]
public enum DirectoryPageAppend
{
    Added,
    AlreadyListed,
    /// <summary>Nothing: the page holds <see cref="EvaluationDirectoryPageGrain.Capacity"/> entries; the next page takes it.</summary>
    Full,
}
