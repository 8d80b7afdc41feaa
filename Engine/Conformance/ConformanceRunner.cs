using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>Reads conformance vector files (JSON Lines) and runs each case with the runner for its kind.</summary>
public sealed class ConformanceRunner
{
    private readonly Dictionary<string, IConformanceCaseRunner> _runners;

    public ConformanceRunner(DomainRegistry domains)
    {
        IConformanceCaseRunner[] runners =
        [
            new ToolSequenceCaseRunner(domains),
            new DbHashCaseRunner(domains),
            new EvaluationCaseRunner(domains),
            new MetricsCaseRunner(),
        ];
        _runners = runners.ToDictionary(r => r.Kind);
    }

    public static IEnumerable<PyDict> ReadVectors(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return PyJson.Parse(line) as PyDict ?? throw new FormatException($"{file}: each line must be a JSON object");
        }
    }

    public CaseResult Run(PyDict vector, ConformanceOptions options)
    {
        string caseId = vector.GetOrDefault("case_id") as string ?? "?";
        string kind = vector.GetOrDefault("kind") as string ?? "?";
        if (!_runners.TryGetValue(kind, out var runner))
            return CaseResult.Fail(caseId, kind, [$"no runner for kind '{kind}'"]);
        try
        {
            return runner.Run(vector, options);
        }
        catch (Exception e)
        {
            return CaseResult.Fail(caseId, kind, [$"unexpected {e.GetType().Name}: {e.Message}"]);
        }
    }

    public IEnumerable<CaseResult> RunFiles(IEnumerable<string> files, ConformanceOptions options) =>
        files.SelectMany(ReadVectors).Select(v => Run(v, options));
}
