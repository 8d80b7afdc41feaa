using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// What grading needs of a task's gold run: its final databases and the ids of the gold actions
/// that raised. Only the databases are kept, not the environment, so nothing can run a tool on
/// them: shared by every trial of the task (<see cref="GoldRunMemo"/>), they are only ever read.
/// </summary>
internal sealed record GoldRun(PyRecord? AgentDb, PyRecord? UserDb, IReadOnlySet<string> FailedActionIds);
