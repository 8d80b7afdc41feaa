namespace Tau2Observe.Engine.Evaluation;

/// <summary>tau2's evaluation types. Runs use <see cref="All"/>.</summary>
public enum EvaluationType { Env, Communicate, Action, All, NlAssertions, AllWithNlAssertions }
