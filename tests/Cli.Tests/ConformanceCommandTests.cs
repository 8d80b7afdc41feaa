using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

public sealed class ConformanceCommandTests
{
    private static string Vectors(string name) => Path.Combine(TestDomains.DataDir, "..", "conformance", name);

    [Fact]
    public async Task Passing_vectors_print_a_line_per_kind_and_the_final_count_and_exit_0()
    {
        var run = await CliRun.InvokeAsync("conformance", Vectors("metrics.jsonl"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^metrics: \d+ passed, 0 failed$", lines[0]);
        Assert.Matches(@"^conformance: \d+ passed, 0 failed$", lines[^1]);
    }

    [Fact]
    public async Task A_failing_case_exits_1_and_verbose_shows_its_mismatches()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tau2obs-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, """{"case_id": "odd_1", "kind": "no_such_kind"}""" + "\n");
        try
        {
            var run = await CliRun.InvokeAsync("conformance", Vectors("metrics.jsonl"), file, "--verbose");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("no_such_kind: 0 passed, 1 failed", run.Stdout);
            Assert.Contains("FAIL odd_1", run.Stdout);
            Assert.Contains("no runner for kind 'no_such_kind'", run.Stdout);
            Assert.Matches(@"conformance: \d+ passed, 1 failed\s*$", run.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error()
    {
        var run = await CliRun.InvokeAsync("conformance", "/nonexistent/vectors.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: file not found", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_file_that_is_not_json_lines_is_a_one_line_error_with_exit_code_2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tau2obs-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, "\nroot:x:0:0:root:/root:/bin/bash\n");
        try
        {
            var run = await CliRun.InvokeAsync("conformance", file);

            Assert.Equal(CliError.BadInput, run.ExitCode);
            Assert.Equal($"error: {file}, line 2: not JSON; a conformance file has one JSON object per line", run.Stderr.Trim());
            Assert.Equal("", run.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
