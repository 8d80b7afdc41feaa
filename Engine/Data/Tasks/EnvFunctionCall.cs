using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>A call of any public toolkit method, from task setup (<c>env_type</c> user or assistant).</summary>
public class EnvFunctionCall
{
    public required string EnvType { get; init; }
    public required string FuncName { get; init; }
    public PyDict Arguments { get; init; } = new();

    public virtual PyDict ToPy() => new() { ["env_type"] = EnvType, ["func_name"] = FuncName, ["arguments"] = Arguments };

    public static EnvFunctionCall FromPy(PyDict d) => new()
    {
        EnvType = TaskJson.Str(d, "env_type"),
        FuncName = TaskJson.Str(d, "func_name"),
        Arguments = d.GetOrDefault("arguments") as PyDict ?? new PyDict(),
    };
}
