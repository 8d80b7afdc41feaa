namespace Tau2Observe.Cli.Traffic;

/// <summary>One evaluation request: the <see cref="Index"/>-th of the run, its domain, the agent under test and the request text.</summary>
public sealed record TrafficRequest(int Index, string Domain, string AgentUrl, string Text)
{
    /// <summary>The request texts of the reference generator (a2a.md §2.4): agents rotate by index, domains are random unless fixed.</summary>
    public static IReadOnlyList<TrafficRequest> Plan(TrafficSettings settings)
    {
        var random = new Random(settings.Seed);
        return Enumerable.Range(0, settings.Count).Select(i =>
        {
            string domain = settings.Domain ?? TrafficSettings.Domains[random.Next(TrafficSettings.Domains.Count)];
            string agent = settings.AgentUrls[i % settings.AgentUrls.Count];
            string text = settings.Mode == TrafficMode.Failure
                ? $"Run an evaluation on the {domain} domain for agent at {agent}. Run tasks: {string.Join(", ", FailureTaskIds.For(domain))}."
                : $"Run an evaluation on the {domain} domain for agent at {agent}. Use {settings.NumTasks} tasks and {settings.NumTrials} trial(s).";
            return new TrafficRequest(i, domain, agent, text);
        }).ToList();
    }
}
