using System.Diagnostics;
using Tau2Observe.Cli.LoadTesting;

namespace Tau2Observe.Cli.Tests;

/// <summary>The load test's resource sampler keeps sampling when a silo process it watches exits (a silo killed mid-run).</summary>
public sealed class SiloResourceSamplerTests
{
    [Fact]
    public async Task A_silo_process_that_exits_is_noted_and_the_samples_go_on()
    {
        using var silo = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var sampler = new SiloResourceSampler(null, [silo]);
        var before = await sampler.SampleAsync(1, 0, 0);
        Assert.NotNull(before.ResidentBytes);

        silo.Kill();
        await silo.WaitForExitAsync();
        var after = await sampler.SampleAsync(2, 0, 0);

        Assert.Null(after.CpuPercent);
        Assert.Null(after.ResidentBytes);
        Assert.Contains(sampler.Unavailable, u => u.Contains($"silo process {silo.Id}: exited during the run"));
        await sampler.SampleAsync(3, 0, 0);
        Assert.Single(sampler.Unavailable, u => u.Contains($"silo process {silo.Id}"));
    }
}
