using System.Diagnostics;
using Orleans.Runtime;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Samples the silos' resources: CPU time and resident memory of the silo processes it was given
/// (the CLI itself for the embedded silo, <c>--silo-pid</c> otherwise), and the managed memory
/// every silo reports through Orleans' management grain, when there is an Orleans client to ask
/// (there is none when the load test drives the gateway without <c>--cluster</c>). Orleans' own
/// CPU figure is the whole machine's, so CPU comes from the processes only.
/// </summary>
public sealed class SiloResourceSampler
{
    private readonly IGrainFactory? _grains;
    private readonly IReadOnlyList<Process> _siloProcesses;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastCpu;
    private TimeSpan _lastWall = TimeSpan.Zero;

    /// <param name="grains">The cluster's grains, for managed memory and the silo count; null when there is no Orleans client (then the silos are counted from the processes).</param>
    /// <param name="siloProcesses">The silo processes on this machine, for CPU and resident memory; may be empty.</param>
    public SiloResourceSampler(IGrainFactory? grains, IReadOnlyList<Process> siloProcesses)
    {
        _grains = grains;
        _siloProcesses = siloProcesses;
        _lastCpu = TotalCpu(siloProcesses);
        var unavailable = new List<string>();
        if (siloProcesses.Count == 0) unavailable.Add("silo CPU and resident memory: no --silo-pid given");
        if (grains is null)
        {
            unavailable.Add("silo managed memory and memory per in-flight simulation: no Orleans client (give --cluster as well)");
            if (siloProcesses.Count == 0) unavailable.Add("silo count: neither --cluster nor --silo-pid given");
        }
        Unavailable = unavailable;
    }

    /// <summary>What these samples cannot show, and why.</summary>
    public IReadOnlyList<string> Unavailable { get; }

    public async Task<ResourceSample> SampleAsync(double elapsedSeconds, int inFlight, int completed)
    {
        double? cpuPercent = null;
        long? resident = null;
        if (_siloProcesses.Count > 0)
        {
            var cpu = TotalCpu(_siloProcesses);
            var wall = _clock.Elapsed;
            if (wall > _lastWall) cpuPercent = (cpu - _lastCpu).TotalMilliseconds / (wall - _lastWall).TotalMilliseconds * 100;
            (_lastCpu, _lastWall) = (cpu, wall);
            resident = _siloProcesses.Sum(p => p.WorkingSet64);
        }
        var (managed, silos) = _grains is null ? (null, _siloProcesses.Count) : await ManagedMemoryAsync(_grains);
        return new ResourceSample(elapsedSeconds, inFlight, completed, cpuPercent, resident, managed, silos);
    }

    private static async Task<(long? Bytes, int Silos)> ManagedMemoryAsync(IGrainFactory grains)
    {
        try
        {
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
            var stats = await management.GetRuntimeStatistics(hosts);
            return (stats.Sum(s => s.EnvironmentStatistics.RawMemoryUsageBytes), hosts.Length);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return (null, 0); // a silo that is busy or gone: skip this sample
        }
    }

    // Process caches what it read until Refresh
    private static TimeSpan TotalCpu(IReadOnlyList<Process> processes) =>
        processes.Aggregate(TimeSpan.Zero, (sum, p) => { p.Refresh(); return sum + p.TotalProcessorTime; });
}
