using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>The gold environment of one evaluation, and the ids of the gold actions that raised on it.</summary>
internal sealed record GoldRun(DomainEnvironment Environment, IReadOnlySet<string> FailedActionIds);
