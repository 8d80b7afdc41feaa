using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>
/// A record-level view of an environment's databases for <c>expected_db_changes</c>: keys
/// <c>&lt;table&gt;/&lt;key&gt;</c> for map tables, <c>&lt;table&gt;/&lt;id&gt;</c> for list tables
/// (repeated ids get <c>#&lt;position&gt;</c>), <c>user:&lt;field&gt;</c> for the user database.
/// Values are canonical (sorted-key) JSON texts, so kinds (1 vs 1.0 vs "1") are compared.
/// </summary>
public static class DbSnapshot
{
    // the id field of each list-shaped table (telecom): a record also carries other tables' ids
    // (a bill has customer_id, a line plan_id and device_id), so the table decides which one keys it
    private static readonly Dictionary<string, string> ListIdFields = new(StringComparer.Ordinal)
    {
        ["plans"] = "plan_id", ["customers"] = "customer_id", ["lines"] = "line_id", ["bills"] = "bill_id", ["devices"] = "device_id",
    };

    public static Dictionary<string, string> Take(DomainEnvironment env)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (env.AgentTools.Db is { } agent)
        {
            foreach (var (table, value) in agent)
            {
                switch (value)
                {
                    case PyDict map:
                        foreach (var (key, record) in map) result[$"{table}/{key}"] = DbHasher.CanonicalJson(record);
                        break;
                    case List<object?> list:
                        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                        for (int i = 0; i < list.Count; i++)
                        {
                            string id = list[i] is PyDict r ? IdOf(table, r) ?? i.ToString() : i.ToString();
                            string key = $"{table}/{id}";
                            if (seen.TryGetValue(id, out _)) key += "#" + i;
                            seen[id] = i;
                            result[key] = DbHasher.CanonicalJson(list[i]);
                        }
                        break;
                    default:
                        result[table] = DbHasher.CanonicalJson(value);
                        break;
                }
            }
        }
        if (env.UserTools?.Db is { } user)
            foreach (var (field, value) in user) result[$"user:{field}"] = DbHasher.CanonicalJson(value);
        return result;
    }

    private static string? IdOf(string table, PyDict record) =>
        ListIdFields.TryGetValue(table, out var field) && record.GetOrDefault(field) is string s ? s : null;
}
