using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>
/// Kind <c>tool_sequence</c>: apply an initial state, run tool calls through the normal tool path,
/// and compare outputs, error flags, database hashes and changed records (conformance/README.md).
/// </summary>
public sealed class ToolSequenceCaseRunner(DomainRegistry domains) : IConformanceCaseRunner
{
    public string Kind => "tool_sequence";

    public CaseResult Run(PyDict v, ConformanceOptions options)
    {
        string caseId = (string)v["case_id"]!;
        var env = domains.Get((string)v["domain"]!).CreateEnvironment();
        var mismatches = new List<string>();
        var expectedTop = v.GetOrDefault("expected") as PyDict;
        var initial = v.GetOrDefault("initial_state") is PyDict s ? InitialState.FromPy(s) : null;

        if (expectedTop?.GetOrDefault("raises") is string raises)
        {
            try
            {
                env.SetState(initial, initial?.MessageHistory);
                return CaseResult.Fail(caseId, Kind, [$"expected applying the initial state to fail ({raises}), but it succeeded"]);
            }
            catch (EnvironmentStateException)
            {
                return CaseResult.Pass(caseId, Kind);
            }
        }

        if (initial is not null) env.SetState(initial, initial.MessageHistory);
        var before = DbSnapshot.Take(env);
        var placeholders = new PlaceholderMap(v);

        var calls = v.GetOrDefault("calls") as List<object?> ?? [];
        for (int i = 0; i < calls.Count; i++)
        {
            var c = (PyDict)calls[i]!;
            var call = new ToolCall
            {
                Id = $"call_{i}",
                Name = (string)c["name"]!,
                Arguments = c.GetOrDefault("arguments") as PyDict ?? new PyDict(),
                Requestor = c.GetOrDefault("requestor") as string ?? Roles.Assistant,
            };
            var result = env.GetResponse(call);
            var expected = (PyDict)c["expected"]!;
            bool expectedError = expected.GetOrDefault("error") is true;
            string expectedContent = expected.GetOrDefault("content") as string ?? "";
            string actual = placeholders.Apply(result.Content ?? "");
            string kind = expected.GetOrDefault("error_kind") as string ?? "";
            bool relaxedText = options.Relaxed && expectedError && kind is "python" or "pydantic";
            if (result.Error != expectedError)
                mismatches.Add($"call {i} {call.Name}: error flag expected {expectedError}, got {result.Error}: {actual}");
            else if (!relaxedText && actual != expectedContent)
                mismatches.Add($"call {i} {call.Name}: content differs\n  expected: {expectedContent}\n  actual:   {actual}");
        }

        if (v.GetOrDefault("expected_db_hash") is PyDict hashes)
        {
            if (hashes.GetOrDefault("agent") is string ea && ea != env.AgentDbHash())
                mismatches.Add($"agent db hash: expected {ea}, got {env.AgentDbHash()}");
            if (hashes.GetOrDefault("user") is string eu && eu != env.UserDbHash())
                mismatches.Add($"user db hash: expected {eu}, got {env.UserDbHash()}");
        }

        if (v.GetOrDefault("expected_db_changes") is PyDict changes)
        {
            var after = DbSnapshot.Take(env);
            var changed = after.Where(kv => !before.TryGetValue(kv.Key, out var old) || old != kv.Value).Select(kv => kv.Key)
                .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
                .Select(placeholders.Apply)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (key, record) in changes)
            {
                if (!changed.Remove(key))
                {
                    mismatches.Add($"db change {key}: expected a change, found none");
                    continue;
                }
                string? actual = after.FirstOrDefault(kv => placeholders.Apply(kv.Key) == key).Value;
                string? expectedJson = record is null ? null : DbHasher.CanonicalJson(record);
                if (placeholders.Apply(actual ?? "null") != (expectedJson ?? "null"))
                    mismatches.Add($"db change {key}:\n  expected: {expectedJson}\n  actual:   {actual}");
            }
            foreach (var extra in changed) mismatches.Add($"db change {extra}: changed, but not expected to");
        }

        return mismatches.Count == 0 ? CaseResult.Pass(caseId, Kind) : CaseResult.Fail(caseId, Kind, mismatches);
    }
}
