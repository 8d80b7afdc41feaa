using System.Collections.Concurrent;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

/// <summary>Counts the trial reports each evaluation has received (before they run), so a test can tell they are waiting.</summary>
public sealed class ReportCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Received = new();

    public static int ReportsReceived(string evaluationId) => Received.GetValueOrDefault(evaluationId);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.MethodName == nameof(IEvaluationTrialSink.ReportTrial))
            Received.AddOrUpdate(context.TargetId.Key.ToString()!, 1, (_, n) => n + 1);
        return context.Invoke();
    }
}
