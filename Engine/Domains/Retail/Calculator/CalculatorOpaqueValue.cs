namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>A non-numeric value an admitted expression can produce: the empty tuple or Ellipsis.</summary>
public sealed class CalculatorOpaqueValue
{
    public static readonly CalculatorOpaqueValue EmptyTuple = new("tuple");
    public static readonly CalculatorOpaqueValue Ellipsis = new("ellipsis");

    private CalculatorOpaqueValue(string typeName) => TypeName = typeName;

    /// <summary>The Python type name used in TypeError texts.</summary>
    public string TypeName { get; }
}
