namespace Tau2Observe.Cli.Clusters;

/// <summary>A way to reach grains; disposing it disconnects (or stops the embedded silo).</summary>
public interface IClusterConnection : IAsyncDisposable
{
    IGrainFactory Grains { get; }
}
