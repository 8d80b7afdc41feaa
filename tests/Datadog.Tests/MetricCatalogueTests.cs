using System.Diagnostics.Metrics;
using Tau2Observe.Datadog.Validation;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Datadog.Tests;

/// <summary>
/// The validator's catalogue must describe what the engine really records: the same instruments,
/// the Datadog type each becomes over OTLP, and the same tag keys. Records one trial and one
/// evaluation summary through the engine and compares.
/// </summary>
public sealed class MetricCatalogueTests
{
    [Fact]
    public void Catalogue_matches_the_instruments_the_engine_records()
    {
        var seen = new Dictionary<string, (MetricKind Kind, HashSet<string> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Tau2Telemetry.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (seen)
            {
                if (!seen.TryGetValue(instrument.Name, out var entry))
                    seen[instrument.Name] = entry = (KindOf(instrument), []);
                foreach (var tag in tags) entry.Tags.Add(tag.Key);
            }
        }
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        listener.Start();

        TrialMetrics.Record(FullyGradedRun(), "airline", "eval-catalogue", "http://agent");
        EvaluationMetrics.Record(new MetricsSummary(0.5, new Dictionary<int, double> { [1] = 0.5 }, null, 2, 1, 0),
            "airline", "eval-catalogue", "http://agent", 100, 50, 0.01);

        foreach (var (name, (kind, tags)) in seen)
        {
            var definition = MetricCatalogue.Find(name);
            Assert.True(definition is not null, $"{name} is recorded but missing from the catalogue");
            Assert.Equal(kind, definition.Kind);
            Assert.Equal(definition.Tags.Order(), tags.Order());
        }
        foreach (var name in new[] { "tau2.task.error_count", "tau2.simulator.cost_usd", "tau2.evaluation.pass_hat_k" })
            Assert.Contains(name, seen.Keys);
    }

    private static MetricKind KindOf(Instrument instrument) =>
        instrument.GetType().GetGenericTypeDefinition() switch
        {
            var t when t == typeof(Counter<>) => MetricKind.Count,
            var t when t == typeof(Histogram<>) => MetricKind.Distribution,
            _ => MetricKind.Gauge,
        };

    /// <summary>A failed run with every kind of check, so every per-trial instrument and tag is recorded.</summary>
    private static SimulationRun FullyGradedRun() => new()
    {
        TaskId = "task_1",
        StartTime = "2026-03-01T12:00:00",
        EndTime = "2026-03-01T12:00:10",
        Duration = 10,
        TerminationReason = TerminationReason.MaxSteps,
        RewardInfo = new RewardInfo
        {
            Reward = 0.0,
            DbCheck = new PyDict { ["db_match"] = false },
            ActionChecks = [new PyDict { ["action"] = new PyDict { ["name"] = "book_flight" }, ["action_match"] = false }],
            NlAssertions = [new PyDict { ["met"] = true }],
            CommunicateChecks = [new PyDict { ["met"] = false }],
            EnvAssertions = [new PyDict { ["met"] = true }],
        },
    };
}
