using System.CommandLine;
using Tau2Observe.Engine.Conformance;

namespace Tau2Observe.Cli.Commands;

/// <summary><c>tau2obs conformance FILE...</c>: runs conformance vectors against the engine; exit 0 only if none fails.</summary>
public static class ConformanceCommand
{
    public const int AllPassed = 0, SomeFailed = 1;

    public static Command Create(CliDependencies dependencies)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "conformance vector files (JSON Lines)", Arity = ArgumentArity.OneOrMore };
        var relaxed = new Option<bool>("--relaxed") { Description = "accept any error text where the expected error comes from Python or pydantic" };
        var verbose = new Option<bool>("--verbose") { Description = "show the mismatches of failing cases" };
        var command = new Command("conformance", "Run conformance vectors against the engine") { files, relaxed, verbose };
        command.SetAction(parse => Run(
            dependencies,
            parse.GetValue(files)!,
            new ConformanceOptions(parse.GetValue(relaxed), parse.GetValue(verbose)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(CliDependencies dependencies, FileInfo[] files, ConformanceOptions options, TextWriter output, TextWriter error)
    {
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            error.WriteLine($"error: file not found: {missing.FullName}");
            return CliError.BadInput;
        }
        ConformanceRunner runner;
        try
        {
            runner = new ConformanceRunner(dependencies.CreateDomains());
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return CliError.BadInput;
        }

        List<CaseResult> results;
        try
        {
            results = runner.RunFiles(files.Select(f => f.FullName), options).ToList();
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return CliError.BadInput;
        }
        foreach (var kind in results.GroupBy(r => r.Kind))
        {
            output.WriteLine($"{kind.Key}: {kind.Count(r => r.Passed)} passed, {kind.Count(r => !r.Passed)} failed");
            if (!options.Verbose) continue;
            foreach (var failure in kind.Where(r => !r.Passed))
            {
                output.WriteLine($"  FAIL {failure.CaseId}");
                foreach (var mismatch in failure.Mismatches) output.WriteLine($"    {mismatch}");
            }
        }
        int failed = results.Count(r => !r.Passed);
        output.WriteLine($"conformance: {results.Count - failed} passed, {failed} failed");
        return failed == 0 ? AllPassed : SomeFailed;
    }
}
