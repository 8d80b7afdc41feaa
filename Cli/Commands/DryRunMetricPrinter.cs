using System.Diagnostics.Metrics;
using System.Globalization;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// Prints every <c>tau2.*</c> measurement as it is recorded, one line each, in the seed's dry-run form
/// <c>[DRY RUN] &lt;type&gt; &lt;name&gt;=&lt;value&gt; tags=[k:v,...]</c>, where the type is what Datadog makes of it.
/// </summary>
public sealed class DryRunMetricPrinter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    public DryRunMetricPrinter(TextWriter output)
    {
        _output = output;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Tau2Telemetry.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Print(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Print(i, v, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void Print(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string type = instrument switch
        {
            Histogram<double> or Histogram<long> => "distribution",
            Counter<long> or Counter<double> => "count",
            _ => "gauge",
        };
        var list = new List<string>(tags.Length);
        foreach (var (key, tag) in tags) list.Add($"{key}:{tag}");
        lock (_gate)
            _output.WriteLine($"[DRY RUN] {type} {instrument.Name}={value.ToString(CultureInfo.InvariantCulture)} tags=[{string.Join(",", list)}]");
    }
}
