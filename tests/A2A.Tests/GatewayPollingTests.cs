using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

/// <summary>Evaluations that outlast message/send: a working task, then tasks/get and tasks/cancel.</summary>
public sealed class GatewayPollingTests : IDisposable
{
    private readonly GatewayFactory _factory = new() { SendWaitSeconds = 0.2 };
    private readonly GatewayClient _client;

    public GatewayPollingTests()
    {
        _factory.Evaluations.TrialDuration = null; // simulations finish when the test says so
        _client = new GatewayClient(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_long_evaluation_answers_working_and_is_polled_to_completion()
    {
        var task = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(tasks: 2)));
        string id = (string)task["id"]!;
        Assert.Equal("working", (string?)task["status"]!["state"]);
        Assert.Null(task["artifacts"]);
        Assert.Contains("tasks/get", (string?)task["status"]!["message"]!["parts"]![0]!["text"]);

        _factory.Evaluations.Finish(id);
        var half = GatewayClient.Result(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = id }));
        Assert.Equal("working", (string?)half["status"]!["state"]);
        Assert.Equal(50, (int)half["metadata"]!["tau2.progress"]!);
        Assert.Equal(1, (int)half["metadata"]!["tau2.completed_simulations"]!);

        _factory.Evaluations.Finish(id);
        var done = GatewayClient.Result(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = id }));
        Assert.Equal("completed", (string?)done["status"]!["state"]);
        Assert.Equal(0.5, (double)done["artifacts"]![0]!["parts"]![1]!["data"]!["summary"]!["avg_reward"]!);
    }

    [Fact]
    public async Task Non_blocking_send_returns_at_once()
    {
        var started = DateTime.UtcNow;
        var task = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(), configuration: new JsonObject { ["blocking"] = false }));
        Assert.Equal("working", (string?)task["status"]!["state"]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Blocking_send_waits_for_the_end()
    {
        var send = _client.SendDataAsync(GatewayClient.Evaluation(tasks: 1), "msg-blocking", new JsonObject { ["blocking"] = true });
        while (_factory.Evaluations.Watchers == 0) await Task.Delay(10);
        await Task.Delay(300); // longer than SendWaitSeconds: an explicit blocking request keeps waiting
        Assert.False(send.IsCompleted);
        _factory.Evaluations.Finish(_factory.Evaluations.Started.Single().Id);
        Assert.Equal("completed", (string?)GatewayClient.Result(await send)["status"]!["state"]);
    }

    [Fact]
    public async Task A_running_evaluation_can_be_cancelled_and_its_cancelled_simulations_are_not_counted_as_completed()
    {
        var task = GatewayClient.Result(await _client.SendDataAsync(GatewayClient.Evaluation(tasks: 3)));
        _factory.Evaluations.Finish((string)task["id"]!);
        var cancelled = GatewayClient.Result(await _client.CallAsync("tasks/cancel", new JsonObject { ["id"] = task["id"]!.DeepClone() }));
        Assert.Equal("canceled", (string?)cancelled["status"]!["state"]);
        Assert.Equal("cancelled", (string?)cancelled["artifacts"]![0]!["parts"]![1]!["data"]!["status"]);
        Assert.Equal(1, (int)cancelled["metadata"]!["tau2.completed_simulations"]!);
        Assert.Equal(2, (int)cancelled["metadata"]!["tau2.cancelled_simulations"]!);
        Assert.EndsWith("was cancelled: 1 of 3 simulations finished, 2 cancelled.", (string?)cancelled["status"]!["message"]!["parts"]![0]!["text"]);

        var polled = GatewayClient.Result(await _client.CallAsync("tasks/get", new JsonObject { ["id"] = task["id"]!.DeepClone() }));
        Assert.Equal((1, 2), ((int)polled["metadata"]!["tau2.completed_simulations"]!, (int)polled["metadata"]!["tau2.cancelled_simulations"]!));
        Assert.Equal(-32002, GatewayClient.ErrorCode(await _client.CallAsync("tasks/cancel", new JsonObject { ["id"] = task["id"]!.DeepClone() })));
    }

    [Fact]
    public async Task The_a2a_client_polls_and_cancels_through_tasks_get_and_tasks_cancel()
    {
        var client = new A2AClient(_factory.CreateClient(), new Uri("http://localhost/a2a/tau2_agent"), timeout: TimeSpan.FromSeconds(10));
        var sent = Assert.IsType<A2ATask>(await client.SendMessageAsync(new MessageSendParams
        {
            Message = new A2AMessage { MessageId = "msg-client", Role = A2ARoles.User, Parts = [new DataPart(GatewayClient.Evaluation())] },
            Configuration = new MessageSendConfiguration { Blocking = false },
        }));

        Assert.Equal(TaskState.Working, (await client.GetTaskAsync(sent.Id!)).Status.State);
        Assert.Equal(TaskState.Canceled, (await client.CancelTaskAsync(sent.Id!)).Status.State);
        var e = await Assert.ThrowsAsync<A2AException>(() => client.CancelTaskAsync(sent.Id!));
        Assert.Equal(JsonRpcErrorCodes.TaskNotCancelable, e.RpcError!.Code);
    }
}
