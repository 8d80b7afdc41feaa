using System.Diagnostics;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Cli.Traffic;

/// <summary>
/// Sends the planned evaluation requests to the gateway as A2A <c>message/stream</c> calls (the
/// reference sends them all at once; <see cref="TrafficSettings.Concurrency"/> can cap that) and
/// reads each stream to its end. A request never throws: every failure becomes its outcome. When
/// the run is stopped, the evaluations still running are cancelled at the gateway.
/// </summary>
public sealed class TrafficGenerator(TrafficSettings settings, HttpClient http)
{
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<TrafficOutcome>> RunAsync(Action<TrafficOutcome>? onOutcome, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(Math.Min(settings.Concurrency, Math.Max(1, settings.Count)));
        var client = new A2AClient(http, settings.GatewayRpcUrl, timeout: settings.Timeout, peer: "gateway");
        var runs = TrafficRequest.Plan(settings).Select(async request =>
        {
            await slots.WaitAsync(ct);
            try
            {
                var outcome = await SendAsync(client, request, ct);
                onOutcome?.Invoke(outcome);
                return outcome;
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(runs);
    }

    private static async Task<TrafficOutcome> SendAsync(A2AClient client, TrafficRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var reader = new StreamOutcomeReader();
        var parameters = new MessageSendParams
        {
            Message = new A2AMessage { MessageId = Guid.NewGuid().ToString(), Role = A2ARoles.User, Parts = [new TextPart(request.Text)] },
        };
        try
        {
            await foreach (var e in client.StreamMessageAsync(parameters, ct)) reader.Read(e);
        }
        catch (A2AException e)
        {
            reader.Failed(e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && reader.EvaluationId is { } id && !IsFinal(reader.FinalState))
        {
            // stopped (Ctrl+C): the gateway would run the evaluation on with nobody reading it
            await CancelQuietlyAsync(client, id);
            throw;
        }
        if (reader.Error is null && !IsFinal(reader.FinalState))
            reader.Failed($"the stream ended in state '{reader.FinalState ?? "none"}' before the evaluation finished");
        return new TrafficOutcome
        {
            Request = request,
            Error = reader.Error,
            FinalState = reader.FinalState,
            EvaluationId = reader.EvaluationId,
            Events = reader.Events,
            Seconds = clock.Elapsed.TotalSeconds,
            AvgReward = reader.Summary?["avg_reward"] is { } r ? r.GetValue<double>() : null,
            Simulations = reader.Summary?["total_simulations"] is { } n ? n.GetValue<int>() : null,
            TerminationCounts = (reader.Summary?["termination_counts"] as System.Text.Json.Nodes.JsonObject)?
                .ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>()) ?? new Dictionary<string, int>(),
        };
    }

    private static bool IsFinal(string? state) => state is "completed" or "failed" or "canceled";

    private static async Task CancelQuietlyAsync(A2AClient client, string evaluationId)
    {
        using var limit = new CancellationTokenSource(CancelTimeout);
        try
        {
            await client.CancelTaskAsync(evaluationId, limit.Token);
        }
        catch (Exception e) when (e is A2AException or OperationCanceledException)
        {
            // already final, or the gateway is gone or slow: nothing more to do on the way out
        }
    }
}
