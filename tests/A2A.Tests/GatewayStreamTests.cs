using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>message/stream and tasks/resubscribe, read with this project's own A2A client where possible.</summary>
public sealed class GatewayStreamTests : IDisposable
{
    private readonly GatewayFactory _factory = new() { HeartbeatSeconds = 0.05 };

    public GatewayStreamTests() => _factory.Evaluations.TrialDuration = TimeSpan.FromMilliseconds(20);

    public void Dispose() => _factory.Dispose();

    private A2AClient Client() => new(_factory.CreateClient(), new Uri("http://localhost/a2a/tau2_agent"), timeout: TimeSpan.FromSeconds(20));

    private static MessageSendParams Request(JsonObject data) => new()
    {
        Message = new A2AMessage { MessageId = Guid.NewGuid().ToString(), Role = A2ARoles.User, Parts = [new DataPart(data)] },
    };

    private async Task<List<A2AEvent>> StreamAsync(JsonObject data)
    {
        var events = new List<A2AEvent>();
        await foreach (var e in Client().StreamMessageAsync(Request(data))) events.Add(e);
        return events;
    }

    [Fact]
    public async Task An_evaluation_streams_task_progress_per_simulation_result_and_final_status()
    {
        var events = await StreamAsync(GatewayClient.Evaluation(tasks: 3, trials: 2));

        var task = Assert.IsType<A2ATask>(events[0]);
        Assert.StartsWith("eval-", task.Id);
        Assert.Equal(TaskState.Submitted, task.Status.State);
        Assert.All(events.Skip(1), e => Assert.Equal(task.Id, e is TaskStatusUpdateEvent s ? s.TaskId : ((TaskArtifactUpdateEvent)e).TaskId));

        var call = Assert.IsType<TaskStatusUpdateEvent>(events[1]);
        Assert.Equal("function_call", (string?)call.Status.Message!.Parts![0].Metadata!["adk_type"]);

        var trials = events.OfType<TaskStatusUpdateEvent>().Where(e => e.Metadata?["tau2.current_task_id"] is not null).ToList();
        Assert.Equal(6, trials.Count);
        Assert.All(trials, t => Assert.Equal(TaskState.Working, t.Status.State));
        Assert.Equal([16, 33, 50, 66, 83, 100], trials.Select(t => (int)t.Metadata!["tau2.progress"]!));
        Assert.StartsWith("Completed task task_0, trial 0 (1/6): reward 1", ((TextPart)trials[0].Status.Message!.Parts![0]).Text);
        // what a load test measures each simulation by
        Assert.All(trials, t => Assert.Equal((6, 0.5), ((int)t.Metadata!["tau2.turns"]!, (double)t.Metadata!["tau2.duration_seconds"]!)));
        Assert.All(trials, t => Assert.False(t.Metadata!.ContainsKey("tau2.simulation_error")));

        var artifact = Assert.IsType<TaskArtifactUpdateEvent>(events[^2]);
        Assert.True(artifact.LastChunk);
        Assert.IsType<TextPart>(artifact.Artifact.Parts[0]);
        var result = Assert.IsType<DataPart>(artifact.Artifact.Parts[1]).Data;
        Assert.Equal(6, (int)result["summary"]!["total_simulations"]!);

        var response = Assert.IsType<TaskStatusUpdateEvent>(events[^3]);
        Assert.Equal("function_response", (string?)response.Status.Message!.Parts![0].Metadata!["adk_type"]);

        var final = Assert.IsType<TaskStatusUpdateEvent>(events[^1]);
        Assert.True(final.Final);
        Assert.Equal(TaskState.Completed, final.Status.State);
        Assert.Single(events.OfType<TaskStatusUpdateEvent>(), e => e.Final);
    }

    [Fact]
    public async Task Resumptions_and_retried_failures_are_streamed_per_simulation_and_summed_in_the_result()
    {
        _factory.Evaluations.ReportTrial = t => t.TaskId == "task_1" ? t with { Resumptions = 2, RetriedFailures = 1 } : t;
        var events = await StreamAsync(GatewayClient.Evaluation(tasks: 3));

        var trials = events.OfType<TaskStatusUpdateEvent>().Where(e => e.Metadata?["tau2.current_task_id"] is not null).ToList();
        Assert.Equal([0, 2, 0], trials.Select(t => (int)t.Metadata!["tau2.resumptions"]!));
        Assert.Equal([0, 1, 0], trials.Select(t => (int)t.Metadata!["tau2.retried_failures"]!));
        Assert.Equal([0, 2, 2], trials.Select(t => (int)t.Metadata!["tau2.total_resumptions"]!));

        var result = Assert.IsType<DataPart>(Assert.IsType<TaskArtifactUpdateEvent>(events[^2]).Artifact.Parts[1]).Data;
        Assert.Equal([0, 2, 0], result["simulations"]!.AsArray().Select(x => (int)x!["resumptions"]!));
        Assert.Equal([0, 1, 0], result["simulations"]!.AsArray().Select(x => (int)x!["retried_failures"]!));
        Assert.Equal((2, 1), ((int)result["summary"]!["total_resumptions"]!, (int)result["summary"]!["total_retried_failures"]!));

        var final = Assert.IsType<TaskStatusUpdateEvent>(events[^1]);
        Assert.Equal((2, 1), ((int)final.Metadata!["tau2.total_resumptions"]!, (int)final.Metadata!["tau2.total_retried_failures"]!));
    }

    [Fact]
    public async Task A_cancelled_evaluation_streams_its_cancelled_simulations_without_counting_them_as_completed()
    {
        _factory.Evaluations.TrialDuration = null;
        await using var events = Client().StreamMessageAsync(Request(GatewayClient.Evaluation(tasks: 3))).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        string id = ((A2ATask)events.Current).Id!;
        _factory.Evaluations.Finish(id);
        await _factory.Evaluations.CancelAsync(id, CancellationToken.None);
        var rest = new List<A2AEvent>();
        while (await events.MoveNextAsync()) rest.Add(events.Current);

        var trials = rest.OfType<TaskStatusUpdateEvent>().Where(e => e.Metadata?["tau2.current_task_id"] is not null).ToList();
        Assert.Equal(
            ["Completed task task_0, trial 0 (1/3): reward 1, user_stop",
             "Cancelled task task_1, trial 0: 1 of 3 simulations finished, 1 cancelled",
             "Cancelled task task_2, trial 0: 1 of 3 simulations finished, 2 cancelled"],
            trials.Select(t => ((TextPart)t.Status.Message!.Parts![0]).Text));
        Assert.Equal([1, 1, 1], trials.Select(t => (int)t.Metadata!["tau2.completed_simulations"]!));
        Assert.Equal([0, 1, 2], trials.Select(t => (int)t.Metadata!["tau2.cancelled_simulations"]!));

        var final = Assert.IsType<TaskStatusUpdateEvent>(rest[^1]);
        Assert.Equal(TaskState.Canceled, final.Status.State);
        Assert.Equal("Evaluation " + id + " of http://127.0.0.1:5101/agents/oracle on the mock domain was cancelled: 1 of 3 simulations finished, 2 cancelled.",
            ((TextPart)final.Status.Message!.Parts![0]).Text);
        Assert.Equal((1, 2, 100), ((int)final.Metadata!["tau2.completed_simulations"]!, (int)final.Metadata!["tau2.cancelled_simulations"]!, (int)final.Metadata!["tau2.progress"]!));
    }

    [Fact]
    public async Task Events_reach_the_client_as_they_happen_over_a_real_socket()
    {
        using var factory = new GatewayFactory { HeartbeatSeconds = 60 };
        factory.Evaluations.TrialDuration = null;
        // an explicit loopback listener: UseKestrel(port) re-sets the addresses after start and can race
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal("127.0.0.1", http.BaseAddress!.Host);
        var client = new A2AClient(http, new Uri(http.BaseAddress, "/a2a/tau2_agent"), timeout: TimeSpan.FromSeconds(20));

        await using var events = client.StreamMessageAsync(Request(GatewayClient.Evaluation(tasks: 1))).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        var task = Assert.IsType<A2ATask>(events.Current);
        Assert.True(await events.MoveNextAsync());
        Assert.IsType<TaskStatusUpdateEvent>(events.Current);

        // nothing has finished yet: the next event only comes once a simulation does
        var next = events.MoveNextAsync().AsTask();
        await Task.Delay(200);
        Assert.False(next.IsCompleted);
        factory.Evaluations.Finish(task.Id!);
        Assert.True(await next);
        Assert.Equal("task_0", (string?)((TaskStatusUpdateEvent)events.Current).Metadata!["tau2.current_task_id"]);
        A2AEvent last = events.Current;
        while (await events.MoveNextAsync()) last = events.Current;
        Assert.True(((TaskStatusUpdateEvent)last).Final);
    }

    [Fact]
    public async Task A_failed_evaluation_ends_failed_with_the_error_where_clients_look_for_it()
    {
        _factory.Evaluations.FailWith = "agent endpoint unreachable";
        var events = await StreamAsync(GatewayClient.Evaluation());

        var final = Assert.IsType<TaskStatusUpdateEvent>(events[^1]);
        Assert.True(final.Final);
        Assert.Equal(TaskState.Failed, final.Status.State);
        Assert.Contains("agent endpoint unreachable", ((TextPart)final.Status.Message!.Parts![0]).Text);
        var response = (DataPart)((TaskStatusUpdateEvent)events[^3]).Status.Message!.Parts![0];
        Assert.Equal("agent endpoint unreachable", (string?)response.Data["response"]!["error"]);
    }

    [Fact]
    public async Task The_stream_is_sse_with_crlf_framing_and_keep_alive_pings()
    {
        _factory.Evaluations.TrialDuration = TimeSpan.FromMilliseconds(150);
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 77, ["method"] = "message/stream",
            ["params"] = GatewayClient.SendParams(new JsonObject { ["text"] = "Run an evaluation on the mock domain for agent at oracle. Use 2 tasks and 1 trial(s)." }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/a2a/tau2_agent") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json"); // a2a.md §1.8: Accept is ignored
        using var response = await _factory.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(": ping - ", text);
        var events = text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("data: ")).ToList();
        Assert.All(events, e =>
        {
            var rpc = JsonNode.Parse(e["data: ".Length..])!;
            Assert.Equal("2.0", (string?)rpc["jsonrpc"]);
            Assert.Equal(77, (int)rpc["id"]!);
        });
        Assert.Contains("\"final\":true", events[^1]);
    }

    [Fact]
    public async Task Immediate_skills_stream_a_task_an_artifact_and_a_final_status()
    {
        var events = await StreamAsync(new JsonObject { ["skill"] = "list_domains" });
        Assert.IsType<A2ATask>(events[0]);
        Assert.Contains("mock", ((TextPart)Assert.IsType<TaskArtifactUpdateEvent>(events[1]).Artifact.Parts[0]).Text);
        var final = Assert.IsType<TaskStatusUpdateEvent>(events[2]);
        Assert.True(final.Final);
        Assert.Equal(TaskState.Completed, final.Status.State);
    }

    [Fact]
    public async Task A_finished_evaluation_can_be_resubscribed()
    {
        var first = await StreamAsync(GatewayClient.Evaluation());
        string id = ((A2ATask)first[0]).Id!;

        var http = _factory.CreateClient();
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "re", ["method"] = "tasks/resubscribe", ["params"] = new JsonObject { ["id"] = id } };
        var text = await (await http.PostAsync("/a2a/tau2_agent", new StringContent(body.ToJsonString()))).Content.ReadAsStringAsync();
        var events = new List<A2AEvent>();
        await foreach (var e in SseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
            events.Add(JsonNode.Parse(e.Data)!["result"].Deserialize<A2AEvent>(A2AJson.Options)!);

        var task = Assert.IsType<A2ATask>(events[0]);
        Assert.Equal(id, task.Id);
        Assert.Equal(TaskState.Completed, task.Status.State);
        Assert.Equal(2, events.OfType<TaskStatusUpdateEvent>().Count(e => e.Metadata?["tau2.current_task_id"] is not null));
        Assert.True(((TaskStatusUpdateEvent)events[^1]).Final);
    }

    [Fact]
    public async Task Stream_requests_with_bad_params_get_a_plain_json_rpc_error()
    {
        var e = await Assert.ThrowsAsync<A2AException>(() => StreamAsync(GatewayClient.Evaluation(domain: "cooking")));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, e.RpcError!.Code);
        Assert.Contains("Unknown domain 'cooking'", e.Message);
    }
}
