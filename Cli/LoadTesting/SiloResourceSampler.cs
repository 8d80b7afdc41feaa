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
    private readonly Dictionary<int, TimeSpan> _lastCpu = [];
    private readonly List<string> _unavailable = [];
    private TimeSpan _lastWall = TimeSpan.Zero;

    /// <param name="grains">The cluster's grains, for managed memory and the silo count; null when there is no Orleans client (then the silos are counted from the processes).</param>
    /// <param name="siloProcesses">The silo processes on this machine, for CPU and resident memory; may be empty.</param>
    public SiloResourceSampler(IGrainFactory? grains, IReadOnlyList<Process> siloProcesses)
    {
        _grains = grains;
        _siloProcesses = siloProcesses;
        foreach (var (process, cpu) in Live()) _lastCpu[process.Id] = cpu;
        if (siloProcesses.Count == 0) _unavailable.Add("silo CPU and resident memory: no --silo-pid given");
        if (grains is null)
        {
            _unavailable.Add("silo managed memory and memory per in-flight simulation: no Orleans client (give --cluster as well)");
            if (siloProcesses.Count == 0) _unavailable.Add("silo count: neither --cluster nor --silo-pid given");
        }
    }

    /// <summary>What these samples cannot show, and why (a silo process that exited during the run included).</summary>
    public IReadOnlyList<string> Unavailable => _unavailable;

    public async Task<ResourceSample> SampleAsync(double elapsedSeconds, int inFlight, int completed)
    {
        double? cpuPercent = null;
        long? resident = null;
        if (_siloProcesses.Count > 0)
        {
            var live = Live();
            var wall = _clock.Elapsed;
            // each process against its own last reading, so one that exits does not make the sum go back
            var used = live.Aggregate(TimeSpan.Zero, (sum, l) => sum + (l.Cpu - _lastCpu.GetValueOrDefault(l.Process.Id, l.Cpu)));
            if (wall > _lastWall && live.Count > 0) cpuPercent = used.TotalMilliseconds / (wall - _lastWall).TotalMilliseconds * 100;
            _lastWall = wall;
            foreach (var (process, cpu) in live) _lastCpu[process.Id] = cpu;
            if (live.Count > 0) resident = live.Sum(l => l.Process.WorkingSet64);
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

    /// <summary>The silo processes still running, with their CPU time; one that has exited is noted once as unavailable.</summary>
    private List<(Process Process, TimeSpan Cpu)> Live()
    {
        var live = new List<(Process, TimeSpan)>();
        foreach (var process in _siloProcesses)
        {
            try
            {
                process.Refresh(); // Process caches what it read until Refresh
                if (!process.HasExited)
                {
                    live.Add((process, process.TotalProcessorTime));
                    continue;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // it exited between the checks
            }
            string note = $"silo process {process.Id}: exited during the run at {_clock.Elapsed.TotalSeconds:0} s; later samples lack its CPU and memory";
            if (!_unavailable.Exists(u => u.StartsWith($"silo process {process.Id}:", StringComparison.Ordinal))) _unavailable.Add(note);
        }
        return live;
    }
}
