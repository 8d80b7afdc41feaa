using System.Net;
using System.Text.Json.Nodes;

namespace Tau2Observe.A2A.Tests;

/// <summary>The results page rendered by headless Chromium against a gateway on a loopback port.</summary>
public class ResultsPageTests(KestrelGateway gateway) : IClassFixture<KestrelGateway>
{
    [SkippableFact]
    public async Task The_page_lists_evaluations_shows_per_task_rewards_and_a_trajectory()
    {
        string? chromium = Chromium.Find();
        Skip.If(chromium is null, "chromium is not installed (apt-get install -y chromium; .ci/run installs it): the results page is not checked in a browser.");

        gateway.Factory.Evaluations.ReportTrial = t => t.TaskId == "task_1" && t.Trial == 0 ? t with { Resumptions = 1 } : t;
        var client = new GatewayClient(new HttpClient { BaseAddress = gateway.BaseAddress });
        var evaluation = GatewayClient.Result(await client.SendDataAsync(GatewayClient.Evaluation(tasks: 2, trials: 2), configuration: new JsonObject { ["blocking"] = true }));
        string id = (string)evaluation["id"]!;
        Assert.Equal("completed", (string?)evaluation["status"]!["state"]);

        string dom = await Chromium.DumpDomAsync(chromium!, $"{gateway.BaseAddress}results/#/evaluations/{id}/simulations/task_1/1");

        Assert.Contains("data-ready=\"true\"", dom);
        Assert.Contains($"<tr data-id=\"{id}\">", dom);
        // per-task rewards: task_0 scores 1 in both trials, task_1 scores 0, each cell linking to its trajectory
        Assert.Contains($"<td class=\"reward r-full\" data-task=\"task_0\" data-trial=\"1\"><a href=\"#/evaluations/{id}/simulations/task_0/1\" title=\"user_stop\">1.000</a></td>", dom);
        // a simulation resumed from a checkpoint is marked, and the summary counts its resumptions
        Assert.Contains($"<td class=\"reward r-zero\" data-task=\"task_1\" data-trial=\"0\"><a href=\"#/evaluations/{id}/simulations/task_1/0\" title=\"user_stop Resumed 1 time from a checkpoint.\">0.000</a><span class=\"recovered\">↻1</span></td>", dom);
        Assert.Contains("average reward 0.500 over 4 simulations of 2 tasks; 2 fully successful. Resumed 1 time from a checkpoint.", dom);
        Assert.Contains($"href=\"/api/evaluations/{id}/results\"", dom);
        // the trajectory viewer, with message text shown as text (the markup in it is not rendered)
        Assert.Contains("Trajectory: task task_1, trial 1", dom);
        Assert.Contains("reward 0.000, user_stop, 6 messages", dom);
        Assert.Equal(6, CountOf(dom, "<li class=\"message "));
        Assert.Contains("Please handle task_1 &lt;b&gt;now&lt;/b&gt;.", dom);
        Assert.DoesNotContain("<b>now</b>", dom);
        Assert.Contains("→ create_task({\"user_id\":\"user_1\",\"title\":\"task_1\"})", dom);

        // for a person to look at: TAU2OBS_SCREENSHOT=/tmp/results.png dotnet test --filter ResultsPage
        if (System.Environment.GetEnvironmentVariable("TAU2OBS_SCREENSHOT") is { Length: > 0 } shot)
            await Chromium.ScreenshotAsync(chromium!, $"{gateway.BaseAddress}results/#/evaluations/{id}/simulations/task_1/1", shot);
    }

    [SkippableFact]
    public async Task The_page_reports_a_failing_api_instead_of_rendering_nothing()
    {
        string? chromium = Chromium.Find();
        Skip.If(chromium is null, "chromium is not installed (apt-get install -y chromium; .ci/run installs it): the results page is not checked in a browser.");

        string dom = await Chromium.DumpDomAsync(chromium!, $"{gateway.BaseAddress}results/#/evaluations/eval-does-not-exist");

        Assert.Contains("data-ready=\"error\"", dom);
        Assert.Contains("Could not load results: No evaluation has the id 'eval-does-not-exist'.", dom);
    }

    [Fact]
    public async Task The_page_and_its_assets_are_served_with_safe_headers()
    {
        var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        foreach (var (path, type) in new[] { ("/results", "text/html"), ("/results/", "text/html"), ("/results/app.js", "text/javascript"), ("/results/style.css", "text/css") })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
