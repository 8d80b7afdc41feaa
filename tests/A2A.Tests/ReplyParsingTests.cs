using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.A2A.Tests;

public class ReplyParsingTests
{
    private static A2AMessage Agent(params Part[] parts) => new() { MessageId = "m", Role = A2ARoles.Agent, Parts = [.. parts] };

    [Fact]
    public void Artifacts_win_over_status_and_history()
    {
        var task = new A2ATask
        {
            Status = new A2ATaskStatus { State = TaskState.Completed, Message = Agent(new TextPart("status")) },
            Artifacts = [new Artifact { Parts = [new TextPart("a1")] }, new Artifact { Parts = [new DataPart(new JsonObject()), new TextPart("a2")] }],
            History = [Agent(new TextPart("history"))],
        };
        Assert.Equal("a1\na2", ReplyTextExtractor.Extract(task));
    }

    [Fact]
    public void Status_message_then_last_agent_history_message_are_the_fallbacks()
    {
        var task = new A2ATask
        {
            Status = new A2ATaskStatus { State = TaskState.Completed },
            History = [Agent(new TextPart("older")), new A2AMessage { Role = A2ARoles.User, Parts = [new TextPart("user")] }, Agent(new TextPart("newest"))],
        };
        Assert.Equal("newest", ReplyTextExtractor.Extract(task));
        task.Status.Message = Agent(new TextPart("status"));
        Assert.Equal("status", ReplyTextExtractor.Extract(task));
    }

    [Fact]
    public void Message_results_use_their_own_parts_and_skip_reasoning()
    {
        var thought = new TextPart("let me think") { Metadata = new JsonObject { ["adk_thought"] = true } };
        Assert.Equal("answer", ReplyTextExtractor.Extract(Agent(thought, new TextPart("answer"))));
        Assert.Equal("", ReplyTextExtractor.Extract(Agent(new DataPart(new JsonObject { ["x"] = 1 }))));
    }

    [Fact]
    public void A_tool_call_reply_becomes_a_tool_call_with_a_fresh_id()
    {
        var m = ReplyToolCallParser.ToAssistantMessage("""  {"tool_call": {"name": "create_task", "arguments": {"user_id": "user_1", "n": 2, "x": 1.0}}}  """);
        var call = Assert.Single(m.ToolCalls!);
        Assert.Null(m.Content);
        Assert.Equal("create_task", call.Name);
        Assert.True(Guid.TryParse(call.Id, out _));
        Assert.Equal("{\"user_id\": \"user_1\", \"n\": 2, \"x\": 1.0}", PyJson.Dumps(call.Arguments));
    }

    [Fact]
    public void Several_tool_calls_keep_their_order_and_given_ids()
    {
        var m = ReplyToolCallParser.ToAssistantMessage("""
            {"tool_calls": [{"tool_call": {"id": "a", "name": "f", "arguments": {}}}, {"other": 1},
                            {"tool_call": {"name": "g", "arguments": "{\"k\": \"v\"}"}}]}
            """);
        Assert.Equal(["f", "g"], m.ToolCalls!.Select(c => c.Name));
        Assert.Equal("a", m.ToolCalls![0].Id);
        Assert.Equal("v", m.ToolCalls![1].Arguments["k"]);
    }

    [Theory]
    [InlineData("Sure, I can help with that.")]
    [InlineData("```json\n{\"tool_call\": {\"name\": \"f\", \"arguments\": {}}}\n```")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("{\"answer\": \"yes\"}")]
    [InlineData("{\"tool_calls\": [{\"name\": \"f\"}]}")]
    public void Anything_else_is_text_as_sent(string reply)
    {
        var m = ReplyToolCallParser.ToAssistantMessage(reply);
        Assert.Null(m.ToolCalls);
        Assert.Equal(reply, m.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_reply_becomes_the_apology(string reply) =>
        Assert.Equal(ReplyToolCallParser.EmptyReplyText, ReplyToolCallParser.ToAssistantMessage(reply).Content);

    [Theory]
    [InlineData("{\"tool_call\": {\"name\": \"f\"}}", "no 'arguments'")]
    [InlineData("{\"tool_call\": {\"arguments\": {}}}", "no 'name'")]
    [InlineData("{\"tool_call\": {\"name\": \"f\", \"arguments\": [1]}}", "not an object")]
    [InlineData("{\"tool_call\": \"f\"}", "must be an object")]
    [InlineData("{\"tool_calls\": {\"tool_call\": {}}}", "must be a list")]
    public void Malformed_tool_calls_are_format_errors(string reply, string why) =>
        Assert.Contains(why, Assert.Throws<FormatException>(() => ReplyToolCallParser.ToAssistantMessage(reply)).Message);
}
