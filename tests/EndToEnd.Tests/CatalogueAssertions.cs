using Tau2Observe.Datadog.Validation;
using Tau2Observe.Tests.FakeDatadogAgent;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>Checks received OTLP points against the metric catalogue the Datadog queries are validated with.</summary>
public static class CatalogueAssertions
{
    /// <summary>The conditional metrics every graded run of a task with gold actions and a DB check produces.</summary>
    public static readonly string[] OfTasksWithActions =
    [
        "tau2.task.reward_per_turn", "tau2.task.reward_per_second", "tau2.task.reward_per_tool_call",
        "tau2.tool.calls", "tau2.tool.correct", "tau2.tool.arguments_match", "tau2.assertion.result",
    ];

    /// <summary>
    /// Every catalogue metric of <paramref name="evaluationId"/> arrived (conditional ones only if named in
    /// <paramref name="expectedConditional"/>), as the OTLP type Datadog maps to its kind (histogram →
    /// distribution, delta monotonic sum → count, gauge), with every tag it is declared to carry, from
    /// <paramref name="service"/>. Returns the evaluation's <c>tau2.*</c> points.
    /// </summary>
    public static List<ReceivedMetricPoint> EveryMetricWithItsTags(
        IReadOnlyList<ReceivedMetricPoint> received, string evaluationId, string service, int simulations, params string[] expectedConditional)
    {
        // points without an evaluation_id tag (tool and assertion counts are keyed without it) are matched by service
        var points = received
            .Where(p => p.Name.StartsWith("tau2.", StringComparison.Ordinal) && (p.Tag("evaluation_id") ?? evaluationId) == evaluationId)
            .Where(p => (string?)p.Resource.GetValueOrDefault("service.name") == service)
            .ToList();
        var successes = points.Where(p => p.Name == "tau2.task.success").ToList();
        Assert.Equal(simulations, (long)successes.Sum(p => p.Value));
        Assert.Equal(simulations, (long)points.Where(p => p.Name == "tau2.task.duration_seconds").Sum(p => (double)p.Count));
        long failed = (long)successes.Where(p => p.Tag("success") == "false").Sum(p => p.Value);

        foreach (var metric in MetricCatalogue.All)
        {
            var mine = points.Where(p => p.Name == metric.Name).ToList();
            if (metric.Name == "tau2.task.error_count")
            {
                Assert.Equal(failed, (long)mine.Sum(p => p.Value)); // one per unsuccessful simulation, none otherwise
                if (failed == 0) continue;
            }
            if (!metric.Conditional || expectedConditional.Contains(metric.Name))
                Assert.True(mine.Count > 0, $"{metric.Name} was never exported");
            Assert.All(mine, p =>
            {
                foreach (var tag in metric.Tags) Assert.True(p.Tag(tag) is not null, $"{metric.Name} lacks the tag {tag}");
                switch (metric.Kind)
                {
                    case MetricKind.Distribution:
                        Assert.Equal(MetricDataKind.Histogram, p.Kind);
                        Assert.Equal("delta", p.Temporality);
                        break;
                    case MetricKind.Count:
                        Assert.Equal(MetricDataKind.Sum, p.Kind);
                        Assert.True(p.IsMonotonic, $"{metric.Name} is not monotonic");
                        Assert.Equal("delta", p.Temporality);
                        break;
                    case MetricKind.Gauge:
                        Assert.Equal(MetricDataKind.Gauge, p.Kind);
                        break;
                }
            });
        }
        return points;
    }
}
