using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Drives the cluster through the gateway, as an A2A client would: each evaluation is one
/// <c>message/stream</c> request (a <c>run_tau2_evaluation</c> data part for the built-in oracle,
/// with <c>simulated_turn_latency_ms</c>), and its SSE stream is followed to the final status
/// update. The task event gives the evaluation id and its number of simulations; each
/// <c>working</c> update with <c>tau2.current_task_id</c> is one finished simulation (a2a.md,
/// "Gateway requests"). HTTP errors, JSON-RPC errors and streams that end early are failures of
/// the evaluation; its simulations not seen by then are lost.
/// </summary>
public sealed class GatewayEvaluationDriver : IEvaluationDriver
{
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(2);
    /// <summary>A cancel is best effort: a gateway that does not answer it must not hold up the report.</summary>
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(5);
    private readonly LoadTestSettings _settings;
    private readonly HttpClient _http;
    private readonly A2AClient _client;

    /// <param name="rpcUrl">The gateway's A2A endpoint (<c>.../a2a/tau2_agent</c>).</param>
    /// <param name="silence">Longest wait for the next event of a stream (or for an answer) before the evaluation counts as failed.</param>
    /// <param name="apiKey">Sent as <c>Authorization: Bearer</c> to a gateway that wants one.</param>
    public GatewayEvaluationDriver(LoadTestSettings settings, Uri rpcUrl, TimeSpan silence, string? apiKey = null)
    {
        _settings = settings;
        // one stream holds one connection for the whole evaluation: allow one per evaluation in
        // flight, plus room for cancel calls; a dead address fails in seconds, not at the stream deadline
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency + 16,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        { Timeout = Timeout.InfiniteTimeSpan }; // the A2A client enforces its own deadline
        _client = new A2AClient(_http, rpcUrl, apiKey, timeout: silence, protocolVersion: A2AProtocolVersion.V0_3, peer: "gateway");
    }

    public string Name => "gateway";

    /// <summary>A refused request (bad domain, too many tasks) is a usage error; an unreachable gateway is left to the run to report.</summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(WarmUpTimeout);
        string? evaluationId = null;
        try
        {
            await foreach (var e in _client.StreamMessageAsync(Request(latencyMs: 0), deadline.Token))
            {
                if (e is A2ATask task) evaluationId ??= task.Id;
                if (e is TaskStatusUpdateEvent { Final: true }) return;
            }
        }
        catch (A2AException e) when (e.RpcError is { Code: JsonRpcErrorCodes.InvalidParams } error)
        {
            throw new CliError($"the gateway refused the load test's evaluation request: {error.Message}");
        }
        catch (A2AException)
        {
            // every evaluation of the run will meet (and report) the same failure
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // a slow warm-up only means the first simulations pay for it
        }
        catch (OperationCanceledException) when (evaluationId is not null)
        {
            // stopped (Ctrl+C): the gateway would run the evaluation on with nobody reading it
            await CancelQuietlyAsync(evaluationId);
            throw;
        }
    }

    public async Task RunAsync(LoadEvaluation evaluation, CancellationToken stop)
    {
        try
        {
            await foreach (var e in _client.StreamMessageAsync(Request((int)_settings.TurnLatency.TotalMilliseconds), stop))
            {
                switch (e)
                {
                    case A2ATask task when evaluation.TotalTrials is null:
                        if (task.Id is not { Length: > 0 } id || Int(task.Metadata, "tau2.total_simulations") is not { } total)
                        {
                            evaluation.Failed("gateway: the stream's task carries no evaluation id or tau2.total_simulations");
                            return;
                        }
                        evaluation.Started(id, total);
                        break;
                    case TaskStatusUpdateEvent { Final: true } final:
                        if (final.Status.State != TaskState.Completed && final.Status.State != TaskState.Canceled)
                            evaluation.Failed($"gateway: the evaluation ended {TaskStates.ToWire(final.Status.State)}" + (StatusText(final) is { } text ? ": " + text : ""));
                        return;
                    case TaskStatusUpdateEvent update when String(update.Metadata, "tau2.current_task_id") is { } taskId:
                        evaluation.TrialFinished(taskId,
                            (Int(update.Metadata, "tau2.current_trial") ?? 0) - 1, // 1-based on the wire
                            Double(update.Metadata, "tau2.duration_seconds") ?? 0,
                            Int(update.Metadata, "tau2.turns") ?? 0,
                            String(update.Metadata, "tau2.termination_reason") ?? "unknown",
                            String(update.Metadata, "tau2.simulation_error"));
                        break;
                }
            }
            evaluation.Failed("gateway: the stream ended before the evaluation's final event");
        }
        catch (A2AException e)
        {
            evaluation.Failed("gateway: " + e.Message);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the drain is over: what was not seen is lost
        }
    }

    public async Task CancelAsync(LoadEvaluation evaluation)
    {
        if (evaluation.EvaluationId is { } id) await CancelQuietlyAsync(id);
    }

    private async Task CancelQuietlyAsync(string evaluationId)
    {
        using var deadline = new CancellationTokenSource(CancelTimeout);
        try { await _client.CancelTaskAsync(evaluationId, deadline.Token); }
        catch (Exception e) when (e is A2AException or OperationCanceledException) { } // already final, or the gateway is gone: the drain deadline deals with it
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A fresh messageId per request: the gateway derives the evaluation id from it, so each request is a new evaluation.</summary>
    private MessageSendParams Request(int latencyMs) => new()
    {
        Message = new A2AMessage
        {
            MessageId = Guid.NewGuid().ToString(),
            Role = A2ARoles.User,
            Parts =
            [
                new DataPart(new JsonObject
                {
                    ["skill"] = "run_tau2_evaluation",
                    ["domain"] = _settings.Domain,
                    ["agent_endpoint"] = "oracle",
                    ["num_tasks"] = _settings.TasksPerEvaluation,
                    ["num_trials"] = _settings.TrialsPerEvaluation,
                    ["seed"] = _settings.Seed,
                    ["simulated_turn_latency_ms"] = latencyMs,
                }),
            ],
        },
    };

    private static string? StatusText(TaskStatusUpdateEvent e) =>
        e.Status.Message?.Parts?.OfType<TextPart>().Select(p => p.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));

    private static string? String(JsonObject? metadata, string key) =>
        metadata?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static int? Int(JsonObject? metadata, string key) =>
        metadata?[key] is JsonValue v && v.TryGetValue(out int i) ? i : null;

    private static double? Double(JsonObject? metadata, string key) =>
        metadata?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double d) ? d : null;
}
