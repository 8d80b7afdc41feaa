using System.Diagnostics;
using Orleans.Runtime;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Samples the silos' resources: CPU time and resident memory of the silo processes it was given
/// (the CLI itself for the embedded silo, <c>--silo-pid</c> otherwise), and the managed memory
/// every silo reports through Orleans' management grain. Orleans' own CPU figure is the whole
/// machine's, so CPU comes from the processes only.
/// </summary>
public sealed class SiloResourceSampler(IGrainFactory grains, IReadOnlyList<Process> siloProcesses)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastCpu = TotalCpu(siloProcesses);
    private TimeSpan _lastWall = TimeSpan.Zero;

    public async Task<ResourceSample> SampleAsync(double elapsedSeconds, int inFlight, int completed)
    {
        double? cpuPercent = null;
        long? resident = null;
        if (siloProcesses.Count > 0)
        {
            var cpu = TotalCpu(siloProcesses);
            var wall = _clock.Elapsed;
            if (wall > _lastWall) cpuPercent = (cpu - _lastCpu).TotalMilliseconds / (wall - _lastWall).TotalMilliseconds * 100;
            (_lastCpu, _lastWall) = (cpu, wall);
            resident = siloProcesses.Sum(p => p.WorkingSet64);
        }
        var (managed, silos) = await ManagedMemoryAsync();
        return new ResourceSample(elapsedSeconds, inFlight, completed, cpuPercent, resident, managed, silos);
    }

    private async Task<(long? Bytes, int Silos)> ManagedMemoryAsync()
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
