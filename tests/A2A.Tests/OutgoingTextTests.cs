using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.A2A.Tests;

public class OutgoingTextTests
{
    private const string Tools = """
        [
          {"type": "function", "function": {"name": "get_reservation_details", "description": "Look up a reservation.",
            "parameters": {"type": "object", "properties": {"reservation_id": {"type": "string", "description": "The reservation code."}},
                           "required": ["reservation_id"]}}},
          {"type": "function", "function": {"name": "create_task",
            "parameters": {"type": "object", "properties": {
              "user_id": {"title": "User Id", "type": "string"},
              "description": {"default": null, "title": "Description", "type": "string"},
              "payment": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
              "required": ["user_id"]}}},
          {"type": "function", "function": {"name": "get_users", "description": "All users.", "parameters": {"type": "object", "properties": {}}}}
        ]
        """;

    private const string ExpectedBlock = """
        <available_tools>
        - get_reservation_details(reservation_id: string)
          Description: Look up a reservation.
          Parameters:
            - reservation_id (string, required): The reservation code.

        - create_task(user_id: string, description: string, payment: any)
          Description: No description available
          Parameters:
            - user_id (string, required): No description
            - description (string, optional): No description
            - payment (any, optional): No description

        - get_users()
          Description: All users.

        </available_tools>

        To use a tool, respond with JSON: {"tool_call": {"name": "tool_name", "arguments": {"param1": "value"}}}
        """;

    [Fact]
    public void Tool_catalogue_matches_the_tau2_bench_agent_layout()
    {
        Assert.Equal(ExpectedBlock.ReplaceLineEndings("\n"), ToolCatalogueBlock.Render(Tools));
    }

    [Fact]
    public void No_tools_means_no_block()
    {
        Assert.Null(ToolCatalogueBlock.Render("[]"));
    }

    [Fact]
    public void User_text_is_followed_by_two_blank_lines_and_the_catalogue()
    {
        var block = ToolCatalogueBlock.Render(Tools);
        Assert.Equal("I need to change my flight.\n\n\n" + block, OutgoingTurnText.Build([Message.User("I need to change my flight.")], block));
        Assert.Equal("\n" + block, OutgoingTurnText.Build([Message.User("")], block));
        Assert.Equal("Hi", OutgoingTurnText.Build([Message.User("Hi")], null));
    }

    [Fact]
    public void Tool_results_are_sent_one_line_each_in_call_order()
    {
        var text = OutgoingTurnText.Build(
        [
            Message.ToolResult("call_1", "{\"status\": \"ok\"}", Roles.Assistant, error: false),
            Message.ToolResult("call_2", "Error: User not found", Roles.Assistant, error: true),
            Message.ToolResult("call_3", "", Roles.Assistant, error: true),
        ], ToolCatalogueBlock.Render(Tools));

        Assert.Equal(
            "Tool result (id=call_1): {\"status\": \"ok\"}\n" +
            "Tool result (id=call_2): ERROR: Error: User not found\n" +
            "Tool result (id=call_3): ERROR: Unknown error",
            text);
    }
}
