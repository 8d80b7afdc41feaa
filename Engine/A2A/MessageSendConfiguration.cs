namespace Tau2Observe.Engine.A2A;

public sealed class MessageSendConfiguration
{
    public List<string>? AcceptedOutputModes { get; set; }
    public int? HistoryLength { get; set; }
    /// <summary>false: return at once with a non-terminal task; absent or true: wait for the result.</summary>
    public bool? Blocking { get; set; }
}
