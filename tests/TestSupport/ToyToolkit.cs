using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.TestSupport;

/// <summary>The toy domain's tools: named counters that can be read and incremented.</summary>
public sealed class ToyToolkit(PyRecord pristine) : Toolkit
{
    private static readonly ToolMethodTable Table = new ToolCatalog<ToyToolkit>()
        .Tool("get_counter", ToolType.Read, (t, a) => t.Counter((string)a["name"]!)["value"], new ToolParameter("name"))
        .Tool("increment", ToolType.Write, (t, a) => t.Increment((string)a["name"]!, (long)a["by"]!), new ToolParameter("name"), ToolParameter.Optional("by", 1L))
        .Build();

    private PyRecord _db = ShallowCopyTables(pristine);

    public override string ClassName => "ToyTools";
    public override ToolMethodTable Methods => Table;
    public override PyRecord? Db => _db;

    public override void ReplaceDb(PyDict merged)
    {
        var db = new PyRecord("ToyDb");
        foreach (var (k, v) in merged) db[k] = v;
        _db = db;
    }

    private PyDict Counters => (PyDict)_db["counters"]!;

    private PyRecord Counter(string name) =>
        Counters.GetOrDefault(name) as PyRecord ?? throw new ToolCallException($"Counter {name} not found");

    private PyRecord Increment(string name, long by)
    {
        Counter(name);
        var counter = Own(Counters, name);
        counter["value"] = (long)counter["value"]! + by;
        return counter;
    }
}
