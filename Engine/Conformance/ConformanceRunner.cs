using System.Text.Json;
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
        int number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(line) as PyDict ?? throw new FormatException($"{file}, line {number}: each line must be a JSON object");
        }

        object? ParseLine(string line)
        {
            try
            {
                return PyJson.Parse(line);
            }
            catch (JsonException)
            {
                throw new FormatException($"{file}, line {number}: not JSON; a conformance file has one JSON object per line");
            }
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
