using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>One evaluator component's reward, its breakdown entries and its info note.</summary>
internal sealed record ComponentResult(double Reward, PyDict? Breakdown, PyDict? Info);
