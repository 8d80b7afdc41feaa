namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// One step of a compiled calculator expression, run on a value stack in the order Python
/// evaluates operands. <see cref="Value"/> is the constant for a push; <see cref="Operator"/>
/// the operator text; <see cref="CallArgument"/> what a call passes ("" none, "arg", "*", "**").
/// </summary>
internal readonly record struct CalculatorInstruction(CalculatorInstructionKind Kind, object? Value = null, string Operator = "", string CallArgument = "");
