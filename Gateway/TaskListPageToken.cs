using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// Where a ListTasks page ended: the status timestamp and id of its last task (the listing is ordered
/// by both, descending), the filters it was listed with and when the token was issued. It is the
/// whole cursor, carried by the caller (base64url JSON, opaque to it), so any gateway continues a
/// listing another one started. A token that does not read as one, was issued for other filters, or
/// is older than <see cref="Lifetime"/> is refused with -32602: a task updated after a listing began
/// moves ahead of its cursor and is not on later pages, so a long-lived listing drifts from the
/// tasks as they are, and a fresh one is the honest answer.
/// </summary>
public sealed record TaskListPageToken(long AfterTicks, string AfterId, string Filters, DateTimeOffset IssuedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Longer than any token this gateway issues; a longer one is not read at all.</summary>
    private const int MaxLength = 1024;

    private const string StartAgain = "leave pageToken out to list from the first page";

    public static TaskListPageToken After(EvaluationSnapshot last, string filters, DateTimeOffset now) =>
        new(last.UpdatedAt.UtcTicks, last.EvaluationId, filters, now);

    public string Encode()
    {
        var json = new JsonObject { ["t"] = AfterTicks, ["i"] = AfterId, ["f"] = Filters, ["at"] = IssuedAt.ToUnixTimeSeconds() };
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json));
    }

    /// <summary>The token's cursor, if it is one this agent issued for <paramref name="filters"/> and still good at <paramref name="now"/>.</summary>
    public static TaskListPageToken Decode(string token, string filters, DateTimeOffset now)
    {
        var read = token.Length <= MaxLength ? Read(token) : null;
        if (read is null) throw Invalid($"pageToken is not a page token of this agent's ListTasks: {StartAgain}.");
        if (read.Filters != filters)
            throw Invalid($"pageToken belongs to a listing with other filters: send the contextId, status and statusTimestampAfter of its first page, or {StartAgain}.");
        if (now - read.IssuedAt > Lifetime)
            throw Invalid($"pageToken has expired (page tokens are good for {Lifetime.TotalMinutes:0} minutes): {StartAgain}.");
        return read;
    }

    /// <summary>Whether <paramref name="s"/> comes after this cursor in the listing's order (status timestamp, then id, both descending).</summary>
    public bool Precedes(EvaluationSnapshot s)
    {
        long ticks = s.UpdatedAt.UtcTicks;
        return ticks < AfterTicks || (ticks == AfterTicks && string.CompareOrdinal(s.EvaluationId, AfterId) < 0);
    }

    private static TaskListPageToken? Read(string token)
    {
        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(token)) is not JsonObject json) return null;
            return json["t"] is JsonValue t && t.TryGetValue(out long ticks)
                && json["i"] is JsonValue i && i.TryGetValue(out string? id) && id.Length > 0
                && json["f"] is JsonValue f && f.TryGetValue(out string? fingerprint)
                && json["at"] is JsonValue at && at.TryGetValue(out long issued) && issued is >= 0 and <= 253402300799
                ? new TaskListPageToken(ticks, id, fingerprint, DateTimeOffset.FromUnixTimeSeconds(issued))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static JsonRpcException Invalid(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
