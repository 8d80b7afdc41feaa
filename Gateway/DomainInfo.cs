namespace Tau2Observe.Gateway;

/// <summary>A domain as <c>list_domains</c> shows it; <see cref="NumTasks"/> is null when its tasks cannot be loaded.</summary>
public sealed record DomainInfo(string Name, string Description, int? NumTasks);
