namespace Tau2Observe.Engine.Domains.Calculator;

internal enum CalculatorInstructionKind { Push, Unary, Binary, Call }
