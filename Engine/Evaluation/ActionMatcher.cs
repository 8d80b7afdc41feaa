using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// tau2's gold-action matching: same name; compared keys are <c>compare_args</c>, or the predicted
/// call's own keys when that is null; values by Python equality. Requestor is not compared.
/// </summary>
public static class ActionMatcher
{
    public static bool Matches(GoldAction gold, ToolCall call)
    {
        if (gold.Name != call.Name) return false;
        IEnumerable<string> keys = gold.CompareArgs ?? (IEnumerable<string>)call.Arguments.Keys;
        var keyList = keys.ToList();
        if (keyList.Count == 0) return true;
        var predicted = Subset(call.Arguments, keyList);
        var expected = Subset(gold.Arguments, keyList);
        return PyEquality.Equals(predicted, expected);
    }

    private static PyDict Subset(PyDict args, List<string> keys)
    {
        var d = new PyDict();
        foreach (var (k, v) in args)
            if (keys.Contains(k)) d[k] = v;
        return d;
    }
}
