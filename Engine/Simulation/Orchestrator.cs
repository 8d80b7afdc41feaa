using System.Diagnostics;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// tau2's half-duplex orchestrator (tau2-engine §3): greeting, turn loop over AGENT/USER/ENV,
/// stop tokens, max_steps and cumulative max_errors checks after every non-ENV hop, and
/// finalisation (timestamp sort, turn indices, costs). It can checkpoint after every step and
/// resume from a checkpoint.
/// </summary>
public sealed class Orchestrator
{
    public const string Greeting = "Hi! How can I help you today?";
    private const string AgentRole = "agent", UserRole = "user", EnvRole = "env";

    private readonly TauTask _task;
    private readonly DomainEnvironment _env;
    private readonly ISimulationAgent _agent;
    private readonly IUserSimulator _user;
    private readonly OrchestratorOptions _options;

    private List<Message> _trajectory = [];
    private List<Message> _inflight = [];
    private string _from = AgentRole, _to = UserRole;
    private int _steps, _errors;
    private bool _done;
    private string? _reason;
    private string? _error;
    private ParticipantState _agentState = new(), _userState = new();
    private string _startTime = Timestamps.Now();

    public Orchestrator(TauTask task, DomainEnvironment env, ISimulationAgent agent, IUserSimulator user, OrchestratorOptions options)
    {
        options.Validate();
        (_task, _env, _agent, _user, _options) = (task, env, agent, user, options);
    }

    /// <summary>Called after initialisation and after every step with the state to persist.</summary>
    public Func<SimulationCheckpoint, CancellationToken, Task>? OnCheckpoint { get; init; }

    /// <summary>Runs a fresh simulation to its end.</summary>
    public async Task<SimulationRun> RunAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        Initialize();
        // solo mode: no greeting; the agent's first message is part of initialisation (not a step)
        if (_options.SoloMode && _trajectory.Count == 0) await GuardedAsync(() => AgentTurnAsync(ct));
        await CheckpointAsync(ct);
        return await LoopAsync(clock, ct);
    }

    /// <summary>Continues a simulation from a checkpoint; the environment must be fresh (it is rebuilt here).</summary>
    public async Task<SimulationRun> ResumeAsync(SimulationCheckpoint checkpoint, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        _trajectory = checkpoint.Trajectory.Select(m => m.Clone()).ToList();
        (_from, _to, _steps, _errors) = (checkpoint.FromRole, checkpoint.ToRole, checkpoint.StepCount, checkpoint.NumErrors);
        (_agentState, _userState, _startTime) = (checkpoint.Agent, checkpoint.User, checkpoint.StartTime);
        _inflight = _trajectory.TakeLast(checkpoint.InflightCount).ToList();
        // tool calls still waiting for the environment have not run yet: replay everything before them
        var replay = _to == EnvRole ? _trajectory.Take(_trajectory.Count - checkpoint.InflightCount).ToList() : _trajectory;
        _env.SetState(_task.InitialState, replay);
        return await LoopAsync(clock, ct);
    }

    private async Task<SimulationRun> LoopAsync(Stopwatch clock, CancellationToken ct)
    {
        while (!_done)
        {
            ct.ThrowIfCancellationRequested();
            if (!await GuardedAsync(() => StepAsync(ct))) break;
            if (_to != EnvRole)
            {
                if (_steps >= _options.MaxSteps) { _done = true; _reason = TerminationReason.MaxSteps; }
                if (_errors >= _options.MaxErrors) { _done = true; _reason = TerminationReason.TooManyErrors; }
            }
            await CheckpointAsync(ct);
        }
        return Finish(clock.Elapsed.TotalSeconds);
    }

    /// <summary>Runs a participant turn; a participant failure ends the run (false) with the matching reason.</summary>
    private async Task<bool> GuardedAsync(Func<Task> turn)
    {
        try
        {
            await turn();
            return true;
        }
        catch (ParticipantException e)
        {
            _done = true;
            _reason = e.IsInfrastructure ? TerminationReason.InfrastructureError : _to == AgentRole ? TerminationReason.AgentError : TerminationReason.UserError;
            _error = e.Message;
            return false;
        }
    }

    private void Initialize()
    {
        var history = (_task.InitialState?.MessageHistory ?? []).Select(m => m.Clone()).ToList();
        var now = Timestamps.Clock();
        for (int i = 0; i < history.Count; i++)
        {
            history[i].TurnIdx = null;
            history[i].Timestamp = Timestamps.Format(now.AddSeconds(i - history.Count));
        }
        _env.SetState(_task.InitialState, history);

        if (history.Count == 0 && _options.SoloMode)
        {
            _trajectory = [];
            (_from, _to, _inflight) = (UserRole, AgentRole, []);
        }
        else if (history.Count == 0)
        {
            var greeting = Message.Assistant(Greeting, cost: 0.0);
            _trajectory = [greeting];
            _agentState.History.Add(greeting);
            (_from, _to, _inflight) = (AgentRole, UserRole, [greeting]);
        }
        else
        {
            _trajectory = history;
            DeriveFromHistory(history);
        }
        _env.Sync();
    }

    /// <summary>tau2-engine §3.2 step 6: who speaks next, and what each participant has seen.</summary>
    private void DeriveFromHistory(List<Message> history)
    {
        ValidateHistory(history);
        var last = history[^1];
        bool AgentValid(Message m) => m.IsAssistant || (m.IsUser && m.ToolCalls is null) || (m.IsTool && m.Requestor == Roles.Assistant);
        bool UserValid(Message m) => m.IsUser || (m.IsAssistant && m.ToolCalls is null) || (m.IsTool && m.Requestor == Roles.User);
        var agentSeen = history.Where(AgentValid).ToList();
        var userSeen = history.Where(UserValid).ToList();

        if (last.IsAssistant)
        {
            _agentState.History.AddRange(agentSeen);
            _userState.History.AddRange(userSeen);
            if (last.ToolCalls is null) _userState.History.Remove(last);
            (_from, _to, _inflight) = (AgentRole, last.ToolCalls is null ? UserRole : EnvRole, [last]);
            if (_agent.IsStop(last)) { _done = true; _reason = TerminationReason.AgentStop; }
        }
        else if (last.IsUser)
        {
            _userState.History.AddRange(userSeen);
            _agentState.History.AddRange(agentSeen);
            if (last.ToolCalls is null) _agentState.History.Remove(last);
            (_from, _to, _inflight) = (UserRole, last.ToolCalls is null ? AgentRole : EnvRole, [last]);
            if (StopTokens.IsUserStop(last)) { _done = true; _reason = TerminationReason.UserStop; }
        }
        else if (last.IsTool)
        {
            int start = history.Count - 1;
            while (start > 0 && history[start - 1].IsTool) start--;
            var results = history.Skip(start).ToList();
            _agentState.History.AddRange(agentSeen.Where(m => !results.Contains(m)));
            _userState.History.AddRange(userSeen.Where(m => !results.Contains(m)));
            (_from, _to, _inflight) = (EnvRole, last.Requestor == Roles.Assistant ? AgentRole : UserRole, results);
        }
        else throw new EnvironmentStateException($"Cannot continue a conversation whose last message has role '{last.Role}'");
    }

    private static void ValidateHistory(List<Message> history)
    {
        for (int i = 0; i < history.Count; i++)
        {
            var m = history[i];
            if (m.IsTool) throw new EnvironmentStateException($"Tool message at position {i} answers no pending tool call");
            if (!m.IsValid && m.Role != Roles.System) throw new EnvironmentStateException($"Message at position {i} has neither text nor tool calls");
            if (m.ToolCalls is not { Count: > 0 } calls) continue;
            for (int j = 1; j <= calls.Count; j++)
            {
                if (i + j >= history.Count) break; // the calls are still in flight
                var t = history[i + j];
                string expected = m.IsUser ? Roles.User : Roles.Assistant;
                if (!t.IsTool || t.Requestor != expected)
                    throw new EnvironmentStateException($"Tool call at position {i} must be followed by {calls.Count} tool result(s) of requestor {expected}");
            }
            i += calls.Count;
        }
    }

    private async Task StepAsync(CancellationToken ct)
    {
        using var span = Spans.Start(SpanNames.Turn, _to);
        span?.SetTag("tau2.step", _steps);
        span?.SetTag("tau2.to_role", _to);
        switch (_to)
        {
            case UserRole:
                {
                    _userState.History.AddRange(_inflight);
                    var reply = await _user.GenerateAsync(_userState, _inflight, ct);
                    if (!reply.IsUser || !reply.IsValid) throw new ParticipantException("The user simulator produced a message with neither text nor tool calls");
                    foreach (var tc in reply.ToolCalls ?? []) tc.Requestor = Roles.User;
                    _userState.History.Add(reply);
                    _trajectory.Add(reply);
                    if (StopTokens.IsUserStop(reply)) { _done = true; _reason = TerminationReason.UserStop; }
                    (_from, _to, _inflight) = (UserRole, reply.ToolCalls is null ? AgentRole : EnvRole, [reply]);
                    break;
                }
            case AgentRole:
                await AgentTurnAsync(ct);
                break;
            case EnvRole:
                {
                    var request = _inflight[^1];
                    var results = new List<Message>();
                    foreach (var call in request.ToolCalls ?? throw new InvalidOperationException("environment step without tool calls"))
                    {
                        using var toolSpan = Spans.Start(SpanNames.ToolCall, call.Name);
                        // GenAI tool-span attributes, so LLM Observability shows the call as a tool span
                        toolSpan?.SetTag("gen_ai.operation.name", "execute_tool");
                        toolSpan?.SetTag("gen_ai.tool.name", call.Name);
                        toolSpan?.SetTag("gen_ai.tool.call.id", call.Id);
                        toolSpan?.SetTag("tau2.tool.name", call.Name);
                        toolSpan?.SetTag("tau2.tool.requestor", call.Requestor);
                        var result = _env.GetResponse(call);
                        toolSpan?.SetTag("tau2.tool.error", result.Error);
                        if (result.Error) _errors++;
                        results.Add(result);
                    }
                    _trajectory.AddRange(results);
                    (_from, _to, _inflight) = (EnvRole, request.IsUser ? UserRole : AgentRole, results);
                    break;
                }
        }
        _steps++;
        _env.Sync();
    }

    private async Task AgentTurnAsync(CancellationToken ct)
    {
        _agentState.History.AddRange(_inflight);
        var reply = await _agent.GenerateAsync(_agentState, _inflight, ct);
        if (!reply.IsAssistant || !reply.IsValid) throw new ParticipantException("The agent produced a message with neither text nor tool calls");
        foreach (var tc in reply.ToolCalls ?? []) tc.Requestor = Roles.Assistant;
        _agentState.History.Add(reply);
        _trajectory.Add(reply);
        if (_agent.IsStop(reply)) { _done = true; _reason = TerminationReason.AgentStop; }
        else if (_options.SoloMode && reply.ToolCalls is null) { _done = true; _reason = TerminationReason.AgentError; }
        (_from, _to, _inflight) = (AgentRole, reply.ToolCalls is null ? UserRole : EnvRole, [reply]);
    }

    private Task CheckpointAsync(CancellationToken ct) =>
        OnCheckpoint is null || _done ? Task.CompletedTask : OnCheckpoint(new SimulationCheckpoint
        {
            Trajectory = _trajectory, FromRole = _from, ToRole = _to, InflightCount = _inflight.Count,
            StepCount = _steps, NumErrors = _errors, Agent = _agentState, User = _userState, StartTime = _startTime,
        }, ct);

    private SimulationRun Finish(double seconds)
    {
        var messages = _trajectory.Select(m => m.Clone()).OrderBy(m => m.Timestamp ?? "", StringComparer.Ordinal).ToList();
        for (int i = 0; i < messages.Count; i++) messages[i].TurnIdx = i;
        double? agentCost = 0, userCost = 0;
        foreach (var m in messages.Where(m => !m.IsTool))
        {
            if (m.Cost is null) { agentCost = userCost = null; break; }
            if (m.IsAssistant) agentCost += m.Cost; else if (m.IsUser) userCost += m.Cost;
        }
        return new SimulationRun
        {
            TaskId = _task.Id,
            StartTime = _startTime,
            EndTime = Timestamps.Now(),
            Duration = seconds,
            TerminationReason = _reason ?? TerminationReason.AgentError,
            AgentCost = agentCost,
            UserCost = userCost,
            Messages = messages,
            Seed = _options.Seed,
            Error = _error,
        };
    }
}
