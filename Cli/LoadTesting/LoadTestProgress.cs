using System.Globalization;
using Spectre.Console;
using Tau2Observe.Cli.Output;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>Live progress of a load test on stderr: a refreshed table on a terminal, a line every few seconds otherwise.</summary>
public static class LoadTestProgress
{
    private const double PlainLineEverySeconds = 5;

    /// <summary>Said on Ctrl+C: the report takes a few seconds more.</summary>
    private const string StoppingNotice = "interrupted: cancelling the evaluations in flight, then reporting what was measured (Ctrl+C again to quit at once)";

    public static async Task<LoadTestReport> RunAsync(LoadTestRunner runner, TextWriter stderr, CancellationToken ct)
    {
        if (!Consoles.IsLive(stderr))
        {
            using var notice = ct.Register(() => stderr.WriteLine(StoppingNotice));
            double next = PlainLineEverySeconds;
            return await runner.RunAsync(s =>
            {
                if (s.ElapsedSeconds < next) return;
                next = s.ElapsedSeconds + PlainLineEverySeconds;
                stderr.WriteLine(Line(s));
            }, ct);
        }
        var status = new Table().AddColumn("t (s)").AddColumn("in flight").AddColumn("completed").AddColumn("silo CPU %").AddColumn("managed MiB");
        status.AddRow("0", "0", "0", "-", "-");
        LoadTestReport? report = null;
        await Consoles.For(stderr).Live(status).AutoClear(false).StartAsync(async live =>
        {
            // written into the live table: a line of its own would break its redrawing
            using var notice = ct.Register(() =>
            {
                status.Caption(StoppingNotice);
                live.Refresh();
            });
            report = await runner.RunAsync(s =>
            {
                status.UpdateCell(0, 0, s.ElapsedSeconds.ToString("0", CultureInfo.InvariantCulture))
                    .UpdateCell(0, 1, s.InFlight.ToString(CultureInfo.InvariantCulture))
                    .UpdateCell(0, 2, s.Completed.ToString(CultureInfo.InvariantCulture))
                    .UpdateCell(0, 3, s.CpuPercent?.ToString("0", CultureInfo.InvariantCulture) ?? "-")
                    .UpdateCell(0, 4, s.ManagedBytes is { } m ? (m / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) : "-");
                live.Refresh();
            }, ct);
        });
        return report!;
    }

    private static string Line(ResourceSample s) => FormattableString.Invariant(
        $"t={s.ElapsedSeconds:0}s in_flight={s.InFlight} completed={s.Completed} cpu={(s.CpuPercent is { } c ? $"{c:0}%" : "-")} managed={(s.ManagedBytes is { } m ? $"{m / 1048576.0:0.0}MiB" : "-")} silos={s.Silos}");
}
