using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// The checked parameters of A2A 1.0 <c>ListTasks</c>: the filters <c>contextId</c>, <c>status</c>
/// (a <c>TASK_STATE_*</c> name; the 0.3 spelling, e.g. <c>working</c>, is accepted too) and
/// <c>statusTimestampAfter</c> (an ISO 8601 time; tasks whose status changed at or after it), the
/// paging <c>pageSize</c> (1 to 100, default 50) and <c>pageToken</c>, and the task shape
/// <c>historyLength</c> (at least 0) and <c>includeArtifacts</c> (default false: no artifacts).
/// Absent, null and the protocol's zero values (<c>""</c>, <c>TASK_STATE_UNSPECIFIED</c>) mean "not
/// given"; other parameters are ignored. A value of the wrong type or out of range is -32602 naming
/// the parameter and what it must be.
/// </summary>
public sealed partial record TaskListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    private const string StatePrefix = "TASK_STATE_";
    private static readonly TaskState[] States =
        [TaskState.Submitted, TaskState.Working, TaskState.InputRequired, TaskState.Completed, TaskState.Canceled, TaskState.Failed, TaskState.Rejected, TaskState.AuthRequired];

    public string? ContextId { get; init; }
    public TaskState? State { get; init; }
    public DateTimeOffset? StatusTimestampAfter { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
    public string? PageToken { get; init; }
    public int? HistoryLength { get; init; }
    public bool IncludeArtifacts { get; init; }

    /// <summary>A fingerprint of the filters: a page token is only good for the filters of the listing that issued it.</summary>
    public string Filters
    {
        get
        {
            string filters = string.Join("\n", ContextId ?? "", State?.ToString() ?? "",
                StatusTimestampAfter?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)))[..16];
        }
    }

    public static TaskListQuery Read(JsonNode? parameters)
    {
        if (parameters is null) return new TaskListQuery();
        if (parameters is not JsonObject p) throw Invalid($"ListTasks needs 'params' to be an object; got {GivenValue.Describe(parameters)}.");
        int? pageSize = ReadInt(p, "pageSize");
        if (pageSize is < 1 or > MaxPageSize) throw Invalid($"pageSize must be from 1 to {MaxPageSize}; got {pageSize}.");
        int? historyLength = ReadInt(p, "historyLength");
        if (historyLength < 0) throw Invalid($"historyLength must be 0 or more; got {historyLength}.");
        return new TaskListQuery
        {
            ContextId = ReadString(p, "contextId"),
            State = ReadState(p["status"]),
            StatusTimestampAfter = ReadTimestamp(p["statusTimestampAfter"]),
            PageSize = pageSize ?? DefaultPageSize,
            PageToken = ReadString(p, "pageToken"),
            HistoryLength = historyLength,
            IncludeArtifacts = p["includeArtifacts"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                var other => throw Invalid($"includeArtifacts must be true or false; got {GivenValue.Describe(other)}."),
            },
        };
    }

    public bool Matches(EvaluationSnapshot s) =>
        (ContextId is null || EvaluationTasks.ContextOf(s) == ContextId)
        && (State is null || EvaluationTasks.StateOf(s.Status) == State)
        && (StatusTimestampAfter is null || s.UpdatedAt >= StatusTimestampAfter);

    /// <summary>The evaluation's task as GetTask answers it, cut to what was asked for (artifacts, the most recent history).</summary>
    public A2ATask TaskOf(EvaluationSnapshot s)
    {
        var task = EvaluationTasks.ToTask(s, null);
        if (!IncludeArtifacts) task.Artifacts = null;
        if (HistoryLength is { } length && task.History is { } history)
            task.History = length == 0 ? null : history.TakeLast(length).ToList();
        return task;
    }

    /// <summary>The proto's empty string is "not given", as an absent value.</summary>
    private static string? ReadString(JsonObject p, string key) => p[key] switch
    {
        null => null,
        JsonValue v when GivenValue.IsString(v) => v.GetValue<string>() is { Length: > 0 } text ? text : null,
        var other => throw Invalid($"{key} must be a string; got {GivenValue.Describe(other)}."),
    };

    private static int? ReadInt(JsonObject p, string key)
    {
        var node = p[key];
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out int i)) return i;
            // 2.0 is the whole number 2 in JSON
            if (v.TryGetValue(out double d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue) return (int)d;
        }
        throw Invalid($"{key} must be a whole number; got {GivenValue.Describe(node)}.");
    }

    private static TaskState? ReadState(JsonNode? node)
    {
        if (node is null) return null;
        string names = string.Join(", ", States.Select(s => StatePrefix + TaskStates.ToWire(s).ToUpperInvariant().Replace('-', '_')));
        if (!GivenValue.IsString(node)) throw Invalid($"status must be a task state name ({names}); got {GivenValue.Describe(node)}.");
        string name = node.GetValue<string>();
        string wire = name.StartsWith(StatePrefix, StringComparison.Ordinal) ? name[StatePrefix.Length..].ToLowerInvariant().Replace('_', '-') : name;
        // the protocol's zero value: no filter
        if (wire is "" or "unspecified" or "unknown") return null;
        var state = TaskStates.FromWire(wire);
        return state != TaskState.Unknown ? state : throw Invalid($"status must be one of {names}; got {GivenValue.Describe(node)}.");
    }

    private static DateTimeOffset? ReadTimestamp(JsonNode? node)
    {
        if (node is null) return null;
        if (GivenValue.IsString(node) && node.GetValue<string>() is var text && Iso8601().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        throw Invalid($"statusTimestampAfter must be an ISO 8601 time such as \"2026-01-31T12:00:00Z\"; got {GivenValue.Describe(node)}.");
    }

    // what the proto's Timestamp takes in JSON (RFC 3339), with the offset optional (then UTC)
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso8601();

    private static JsonRpcException Invalid(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
