using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>A boolean check on the end state: holds when the function returns <see cref="AssertValue"/>.</summary>
public sealed class EnvAssertion : EnvFunctionCall
{
    public bool AssertValue { get; init; } = true;
    public string? Message { get; init; }

    public override PyDict ToPy()
    {
        var d = base.ToPy();
        d["assert_value"] = AssertValue;
        d["message"] = Message;
        return d;
    }

    public static new EnvAssertion FromPy(PyDict d) => new()
    {
        EnvType = TaskJson.Str(d, "env_type"),
        FuncName = TaskJson.Str(d, "func_name"),
        Arguments = d.GetOrDefault("arguments") as PyDict ?? new PyDict(),
        AssertValue = d.GetOrDefault("assert_value") is not false,
        Message = d.GetOrDefault("message") as string,
    };
}
