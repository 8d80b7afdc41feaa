using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Domains.Telecom;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Telecom;

/// <summary>Small helpers for driving telecom environments in tests.</summary>
internal static class TelecomTestEnv
{
    public static TelecomDomain Manual => (TelecomDomain)TestData.Registry.Get("telecom");
    public static TelecomDomain Workflow => (TelecomDomain)TestData.Registry.Get("telecom-workflow");

    public static DomainEnvironment Fresh(int? billIdSeed = null) =>
        billIdSeed is { } seed ? Manual.CreateEnvironment(false, seed) : Manual.CreateEnvironment();

    public static Message Call(this DomainEnvironment env, string requestor, string name, PyDict? args = null) =>
        env.GetResponse(new ToolCall { Id = "t", Name = name, Requestor = requestor, Arguments = args ?? new PyDict() });

    public static string Agent(this DomainEnvironment env, string name, PyDict? args = null) => env.Call(Roles.Assistant, name, args).Content!;

    public static string Phone(this DomainEnvironment env, string name, PyDict? args = null) => env.Call(Roles.User, name, args).Content!;

    public static object? Setup(this DomainEnvironment env, string envType, string func, PyDict? args = null) =>
        env.RunEnvFunctionCall(new EnvFunctionCall { EnvType = envType, FuncName = func, Arguments = args ?? new PyDict() });

    public static void SetJohnSmith(this DomainEnvironment env) =>
        env.Setup(Roles.User, "set_user_info", new PyDict { ["name"] = "John Smith", ["phone_number"] = "555-123-2002" });

    public static PyRecord Surroundings(this DomainEnvironment env) => (PyRecord)env.UserTools!.Db!["surroundings"]!;

    public static PyRecord Device(this DomainEnvironment env) => (PyRecord)env.UserTools!.Db!["device"]!;

    public static PyRecord Record(this DomainEnvironment env, string table, string idField, string id) =>
        ((List<object?>)env.AgentTools.Db![table]!).Cast<PyRecord>().Single(r => (string?)r[idField] == id);

    public static PyDict Args(params (string Key, object? Value)[] items)
    {
        var d = new PyDict();
        foreach (var (k, v) in items) d[k] = v;
        return d;
    }
}
