namespace Tau2Observe.Engine.A2A;

public sealed class AgentSkill
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public List<string>? Examples { get; set; }
    public List<string>? InputModes { get; set; }
    public List<string>? OutputModes { get; set; }
}
