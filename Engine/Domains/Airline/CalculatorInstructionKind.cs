namespace Tau2Observe.Engine.Domains.Airline;

internal enum CalculatorInstructionKind { Push, Unary, Binary, Call }
