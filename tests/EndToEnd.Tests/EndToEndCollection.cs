namespace Tau2Observe.EndToEnd.Tests;

/// <summary>One set of host processes for all end-to-end tests; they run one after another against it.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<LoopbackCluster>
{
    public const string Name = "loopback cluster";
}
