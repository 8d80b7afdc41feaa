namespace Tau2Observe.Distributed.Tests;

/// <summary>The multi-process tests run one after another: each starts several hosts, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection
{
    public const string Name = "distributed";
}
