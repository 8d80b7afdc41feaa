using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tau2Observe.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'   (TAU2_DATA_DIR must name the tau2 data)
// In process: no generated project to build per run, which matters on a small shared machine.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(EngineHotPaths).Assembly).Run(args, config);
