using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Benchmarks;

/// <summary>
/// The engine's per-trial hot paths on the real tau2 data: a fresh environment, one tool call,
/// the canonical DB hash, and grading a finished oracle trial (type <c>all</c>); and, as the
/// baseline the grading target is stated against, SHA-256 over the canonical DB bytes alone.
/// </summary>
[MemoryDiagnoser]
public class EngineHotPaths
{
    private IDomain _domain = null!;
    private DomainEnvironment _environment = null!;
    private ToolCall _readCall = null!;
    private byte[] _canonicalDb = null!;
    private TauTask _gradedTask = null!;
    private SimulationRun _finishedRun = null!;

    [Params("airline", "retail")]
    public string Domain { get; set; } = "airline";

    [GlobalSetup]
    public void Setup()
    {
        var runner = new SimulationRunner(new DomainRegistry(TauDataDirectory.FromEnvironment()));
        _domain = runner.Domains.Get(Domain);
        _environment = _domain.CreateEnvironment();
        _canonicalDb = Encoding.UTF8.GetBytes(DbHasher.CanonicalJson(_environment.AgentTools.Db));

        var tasks = _domain.LoadTasks();
        var read = tasks.SelectMany(t => t.EvaluationCriteria?.Actions ?? []).First(a => a.Name.StartsWith("get_", StringComparison.Ordinal));
        _readCall = new ToolCall { Id = "bench", Name = read.Name, Arguments = read.Arguments, Requestor = read.Requestor };

        // the first task whose gold actions change the database, run to the end by the oracle
        _gradedTask = tasks.First(t => t.EvaluationCriteria?.Actions?.Any(a => !a.Name.StartsWith("get_", StringComparison.Ordinal)) == true);
        _finishedRun = runner.RunAsync(new TrialSpec(Domain, _gradedTask.Id, 0, 300, 200, 10), new OfflineParticipants()).GetAwaiter().GetResult();
        if (_finishedRun.RewardInfo?.Reward != 1.0)
            throw new InvalidOperationException($"the oracle run of {Domain} task {_gradedTask.Id} did not score 1; grading it would not exercise the full path");
    }

    [Benchmark]
    public DomainEnvironment CreateEnvironment() => _domain.CreateEnvironment();

    [Benchmark]
    public Message ToolCall() => _environment.GetResponse(_readCall);

    [Benchmark]
    public string? DbHash() => _environment.AgentDbHash();

    [Benchmark]
    public RewardInfo GradeTrial() =>
        new Evaluator(_domain).EvaluateAsync(_finishedRun, _gradedTask).GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public byte[] Sha256OfCanonicalDb() => SHA256.HashData(_canonicalDb);
}
