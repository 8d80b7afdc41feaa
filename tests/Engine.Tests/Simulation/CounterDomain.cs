using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Simulation;

/// <summary>A tiny domain for orchestrator tests: one counter, a write tool, a failing tool.</summary>
public sealed class CounterDomain(IReadOnlyList<TauTask>? tasks = null) : IDomain
{
    public string Name => "counter";

    public DomainEnvironment CreateEnvironment(bool soloMode = false) =>
        new("counter", "Be nice.", new CounterTools(), null, soloMode);

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null) => tasks ?? [];

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => ["base"];

    public string ToolSchemasJson() => "{\"agent_tools\": [], \"user_tools\": []}";

    public sealed class CounterTools : Toolkit
    {
        private static readonly ToolMethodTable Table = new ToolCatalog<CounterTools>()
            .Tool("increment", ToolType.Write, (t, a) => t.Increment(a["by"]), new ToolParameter("by"))
            .Tool("fail", ToolType.Read, (_, _) => throw new ToolCallException("always fails"))
            .Method("assert_value", (t, a) => PyEquality.Equals(t._db["value"], a["expected"]), new ToolParameter("expected"))
            .Build();

        private PyRecord _db = new("CounterDB") { ["value"] = 0L };

        public override string ClassName => "CounterTools";
        public override ToolMethodTable Methods => Table;
        public override PyRecord? Db => _db;

        public override void ReplaceDb(PyDict merged)
        {
            var r = new PyRecord("CounterDB");
            foreach (var (k, v) in merged) r[k] = v;
            _db = r;
        }

        private object? Increment(object? by)
        {
            if (by is not long n) throw new ToolCallException($"unsupported operand type(s) for +: 'int' and '{PyValue.TypeName(by)}'");
            _db["value"] = (long)_db["value"]! + n;
            return _db["value"];
        }
    }
}
