using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// What one participant (agent or user simulator) has seen and said, plus small string values it
/// keeps between turns (e.g. an A2A context id). Serialisable, so a trial can resume elsewhere.
/// </summary>
public sealed class ParticipantState
{
    public List<Message> History { get; init; } = [];
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);

    public PyDict ToPy() => new()
    {
        ["history"] = History.Select(m => (object?)m.ToPy()).ToList(),
        ["values"] = new PyDict(Values.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value))),
    };

    public static ParticipantState FromPy(PyDict d) => new()
    {
        History = ((List<object?>?)d.GetOrDefault("history") ?? []).Select(m => Message.FromPy((PyDict)m!)).ToList(),
        Values = ((PyDict?)d.GetOrDefault("values") ?? new PyDict()).ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.Ordinal),
    };
}
