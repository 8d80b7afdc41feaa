namespace Tau2Observe.Engine.A2A;

/// <summary>A2A message roles (wire values).</summary>
public static class A2ARoles
{
    public const string User = "user";
    public const string Agent = "agent";
}
