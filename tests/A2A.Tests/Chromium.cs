using System.Diagnostics;

namespace Tau2Observe.A2A.Tests;

/// <summary>Headless Chromium from the PATH (Debian's <c>chromium</c> package), run once per page with a bounded time.</summary>
public static class Chromium
{
    public static string? Find() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>The DOM after the page's scripts ran (virtual time lets its fetches finish).</summary>
    public static Task<string> DumpDomAsync(string binary, string url) => RunAsync(binary, ["--dump-dom", url]);

    public static Task<string> ScreenshotAsync(string binary, string url, string file) =>
        RunAsync(binary, [$"--screenshot={file}", "--window-size=1280,1100", url]);

    private static async Task<string> RunAsync(string binary, string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("tau2obs-chromium-").FullName;
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     $"--user-data-dir={profile}", "--virtual-time-budget=15000" }.Concat(args))
            info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("chromium did not finish within 90 s: " + await stderr);
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { /* chromium may still hold a file */ }
        }
    }
}
