using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tau2Observe.Cli.LoadTesting;

namespace Tau2Observe.Cli.Output;

/// <summary>The load test's final report as a table.</summary>
public static class LoadTestOutput
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(IAnsiConsole console, LoadTestReport r)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("driver", r.Driver);
        Row("silos", r.Silos.ToString(CultureInfo.InvariantCulture));
        Row("simulations started / completed / lost", $"{r.Totals.Started} / {r.Completed} / {r.Totals.Lost}");
        Row("errors", r.Errors.ToString(CultureInfo.InvariantCulture));
        Row("simulations per second (overall / steady)", $"{F(r.SimulationsPerSecond, "0.00")} / {F(r.SteadySimulationsPerSecond, "0.00")}");
        Row("in flight (peak)", r.Totals.PeakInFlight.ToString(CultureInfo.InvariantCulture));
        Row("simulation time p50 / p95 / p99 (s)", $"{F(r.SimulationSeconds.P50)} / {F(r.SimulationSeconds.P95)} / {F(r.SimulationSeconds.P99)}");
        Row("simulated latency per simulation (s, mean)", F(r.MeanLatencySumSeconds));
        Row("trial's own run time (s, mean)", F(r.MeanRunSeconds));
        Row("overhead per turn (ms, mean)", F(r.TurnOverheadMs, "0.0"));
        Row("wall time / latency sum (mean)", F(r.WallOverLatencySum, "0.0000"));
        Row("silo CPU % of one core (mean / peak)", $"{F(r.CpuPercentMean, "0")} / {F(r.CpuPercentPeak, "0")}");
        Row("silo resident memory peak (MiB)", Mib(r.ResidentBytesPeak));
        Row("silo managed memory idle / peak (MiB)", $"{Mib(r.ManagedBytesBaseline)} / {Mib(r.ManagedBytesPeak)}");
        Row("memory per in-flight simulation (KiB)", F(r.MemoryPerInFlightBytes / 1024, "0.0"));
        Row("managed memory growth over the plateau (%)", F(r.PlateauMemoryGrowthPercent, "0.0"));
        Row("launching / total time (s)", $"{F(r.LaunchSeconds, "0.0")} / {F(r.TotalSeconds, "0.0")}");
        console.Write(table);
        if (r.Interruption is { } stop)
            console.MarkupLine(stop.NothingMeasured
                ? $"[yellow]interrupted during the warm-up after {F(stop.AfterSeconds, "0.0")} s: nothing was measured[/]"
                : $"[yellow]interrupted after {F(stop.AfterSeconds, "0.0")} s[/]: simulations cancelled or not seen finishing are counted as lost");
        foreach (var missing in r.Unavailable)
            console.MarkupLine($"[yellow]not measured:[/] {Markup.Escape(missing)}");
        foreach (var (error, count) in r.Totals.CommonErrors)
            console.MarkupLine($"[red]{count} x[/] {Markup.Escape(error)}");
    }

    private static string F(double? value, string format = "0.000") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Mib(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
