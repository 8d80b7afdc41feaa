using System.Net;
using System.Text.Json.Nodes;

namespace Tau2Observe.A2A.Tests;

/// <summary>The REST results API: the list, one evaluation, and the tau2 results file download.</summary>
public class ResultsApiTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly GatewayClient _client = new(factory.CreateClient());

    [Fact]
    public async Task Evaluations_are_listed_newest_first_with_their_scores_and_each_one_has_its_document_and_file()
    {
        string first = (string)GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(tasks: 2)))["id"]!;
        string second = (string)GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(domain: "mock", tasks: 3)))["id"]!;

        var list = JsonNode.Parse(await _client.Http.GetStringAsync("/api/evaluations"))!["evaluations"]!.AsArray();
        var ids = list.Select(e => (string?)e!["evaluation_id"]).ToList();
        Assert.True(ids.IndexOf(second) < ids.IndexOf(first) && ids.IndexOf(first) >= 0, string.Join(", ", ids));
        var row = list.Single(e => (string?)e!["evaluation_id"] == first)!;
        Assert.Equal("completed", (string?)row["status"]);
        Assert.Equal("mock", (string?)row["domain"]);
        Assert.Equal(2, (int)row["total_simulations"]!);
        Assert.Equal(0.5, (double)row["avg_reward"]!);
        Assert.Equal(0.5, (double)row["pass_hat_k"]!["1"]!);
        Assert.Single(JsonNode.Parse(await _client.Http.GetStringAsync("/api/evaluations?limit=1"))!["evaluations"]!.AsArray());

        var document = JsonNode.Parse(await _client.Http.GetStringAsync($"/api/evaluations/{first}"))!;
        Assert.Equal(first, (string?)document["evaluation_id"]);
        Assert.Equal(2, document["simulations"]!.AsArray().Count);
        Assert.Equal($"/api/evaluations/{first}/results", (string?)document["results_file"]);

        using var file = await _client.Http.GetAsync($"/api/evaluations/{first}/results");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{first}.json", file.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var results = JsonNode.Parse(await file.Content.ReadAsStringAsync())!;
        Assert.Equal(2, results["simulations"]!.AsArray().Count);
    }

    [Fact]
    public async Task Cancelled_simulations_are_counted_apart_and_resumptions_are_shown_per_simulation_and_in_total()
    {
        using var manual = new GatewayFactory();
        manual.Evaluations.TrialDuration = null; // simulations finish when the test says so
        manual.Evaluations.ReportTrial = t => t with { Resumptions = 2, RetriedFailures = 1 };
        var client = new GatewayClient(manual.CreateClient());
        string id = (string)GatewayClient.Result(await client.SendDataAsync(GatewayClient.Evaluation(tasks: 3), configuration: new JsonObject { ["blocking"] = false }))["id"]!;
        manual.Evaluations.Finish(id);
        GatewayClient.Result(await client.CallAsync("tasks/cancel", new JsonObject { ["id"] = id }));

        var row = JsonNode.Parse(await client.Http.GetStringAsync("/api/evaluations"))!["evaluations"]!.AsArray().Single(e => (string?)e!["evaluation_id"] == id)!;
        Assert.Equal("cancelled", (string?)row["status"]);
        Assert.Equal(1, (int)row["completed_simulations"]!);
        Assert.Equal(2, (int)row["cancelled_simulations"]!);
        Assert.Equal(3, (int)row["total_simulations"]!);
        Assert.Equal((2, 1), ((int)row["total_resumptions"]!, (int)row["total_retried_failures"]!));

        var document = JsonNode.Parse(await client.Http.GetStringAsync($"/api/evaluations/{id}"))!;
        var simulations = document["simulations"]!.AsArray();
        Assert.Equal(["user_stop", "cancelled", "cancelled"], simulations.Select(x => (string?)x!["termination_reason"]));
        Assert.Equal([2, 0, 0], simulations.Select(x => (int)x!["resumptions"]!));
        Assert.Equal([1, 0, 0], simulations.Select(x => (int)x!["retried_failures"]!));
        Assert.Equal((2, 1), ((int)document["summary"]!["total_resumptions"]!, (int)document["summary"]!["total_retried_failures"]!));
    }

    [Fact]
    public async Task Get_evaluation_results_with_list_available_names_the_known_evaluations()
    {
        string id = (string)GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation()))["id"]!;

        var byData = GatewayClient.Result(await _client.SendDataAsync(new JsonObject { ["skill"] = "get_evaluation_results", ["list_available"] = true }));
        var available = byData["artifacts"]![0]!["parts"]![1]!["data"]!["available_evaluations"]!.AsArray().Select(i => (string?)i).ToList();
        Assert.Contains(id, available);
        var byText = GatewayClient.Result(await _client.SendTextAsync("List available evaluations"));
        Assert.Contains(id, (string?)byText["artifacts"]![0]!["parts"]![0]!["text"]);

        var missing = await _client.SendDataAsync(new JsonObject { ["skill"] = "get_evaluation_results" });
        Assert.Contains("list_available", (string?)missing["error"]!["message"]);
    }

    [Theory]
    [InlineData("/api/evaluations/eval-nope", HttpStatusCode.NotFound, "No evaluation has the id 'eval-nope'.")]
    [InlineData("/api/evaluations/eval-nope/results", HttpStatusCode.NotFound, "No evaluation has the id")]
    [InlineData("/api/evaluations/..%2Fsecrets", HttpStatusCode.BadRequest, "Invalid evaluation id")]
    [InlineData("/api/evaluations/-x/results", HttpStatusCode.BadRequest, "Invalid evaluation id")]
    [InlineData("/api/evaluations?limit=0", HttpStatusCode.BadRequest, "limit must be between 1 and 500")]
    [InlineData("/api/evaluations?limit=501", HttpStatusCode.BadRequest, "limit must be between 1 and 500")]
    public async Task Bad_ids_and_unknown_evaluations_are_json_errors(string path, HttpStatusCode status, string message)
    {
        using var response = await _client.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(message, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }
}
