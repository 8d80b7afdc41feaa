using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>Helpers to start evaluations of the toy domain and wait for them.</summary>
public static class Evaluations
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static EvaluationRequest Toy(string agent = "oracle", int numTasks = 2, int numTrials = 2, int turnLatencyMs = 0) => new()
    {
        Domain = ToyDomain.DomainName,
        AgentEndpoint = agent,
        NumTasks = numTasks,
        NumTrials = numTrials,
        SimulatedTurnLatencyMs = turnLatencyMs,
    };

    public static IEvaluationGrain NewGrain(this IGrainFactory grains, string label) =>
        grains.GetGrain<IEvaluationGrain>($"{label}-{Guid.NewGuid():N}");

    public static async Task<EvaluationSnapshot> WaitForTerminalAsync(this IEvaluationGrain grain)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var snapshot = await grain.GetSnapshot();
            if (snapshot.IsTerminal) return snapshot;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"evaluation {snapshot.EvaluationId} still {snapshot.Status} after {Timeout.TotalSeconds} s: {snapshot.CompletedTrials}/{snapshot.TotalTrials} trials");
            await Task.Delay(50);
        }
    }
}
