using Tau2Observe.Engine.Domains.Retail;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>Loading, copy-on-write isolation between environments, tasks and tool schemas of the retail domain.</summary>
public class RetailDomainTests
{
    private const string PristineHash = "b25c9cb211f5efcaee5dd646054a73c4a9f43f4f5acc32c10713cd9f9ac20e9c";

    private static RetailDomain Domain => (RetailDomain)TestData.Registry.Get("retail");

    [Fact]
    public void Database_loads_with_the_reference_hash_and_counts()
    {
        var db = Domain.PristineDb;
        Assert.Equal(50, ((PyDict)db["products"]!).Count);
        Assert.Equal(500, ((PyDict)db["users"]!).Count);
        Assert.Equal(1000, ((PyDict)db["orders"]!).Count);
        Assert.Equal(PristineHash, Environment.DbHasher.Hash(db));
    }

    [Fact]
    public void Environments_do_not_see_each_others_changes()
    {
        var first = Domain.CreateEnvironment();
        var second = Domain.CreateEnvironment();
        // #W6779827 is pending and paid by gift card in the shipped data: the cancel credits the card
        var order = first.Call("cancel_pending_order", """{"order_id": "#W6779827", "reason": "no longer needed"}""").Ok();
        Assert.Equal("cancelled", order["status"]);
        var user = (string)order["user_id"]!;
        Assert.NotEqual(PristineHash, first.AgentDbHash());

        Assert.Equal(PristineHash, second.AgentDbHash());
        Assert.Equal(PristineHash, Environment.DbHasher.Hash(Domain.PristineDb));
        Assert.Equal(PristineHash, Domain.CreateEnvironment().AgentDbHash());
        Assert.Equal("pending", second.Call("get_order_details", """{"order_id": "#W6779827"}""").Ok()["status"]);
        string pristineUser = PyJson.Dumps(((PyDict)Domain.PristineDb["users"]!)[user]);
        Assert.Equal(pristineUser, second.Call("get_user_details", $$"""{"user_id": "{{user}}"}""").Content);
        Assert.NotEqual(pristineUser, first.Call("get_user_details", $$"""{"user_id": "{{user}}"}""").Content);
    }

    [Fact]
    public void Initialization_data_merges_into_a_copy_only()
    {
        var env = Domain.CreateEnvironment();
        env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse("""{"orders": {"#W6779827": {"status": "delivered"}}}""")! }, null);
        Assert.Equal("delivered", env.Call("get_order_details", """{"order_id": "#W6779827"}""").Ok()["status"]);
        Assert.Equal(PristineHash, Domain.CreateEnvironment().AgentDbHash());
    }

    [Fact]
    public void Invalid_initialization_data_is_rejected_with_the_validation_report()
    {
        var env = Domain.CreateEnvironment();
        var e = Assert.Throws<Environment.EnvironmentStateException>(() =>
            env.SetState(new Data.Tasks.InitialState { AgentData = (PyDict)PyJson.Parse("""{"coupons": {}}""")! }, null));
        Assert.Equal(
            "1 validation error for RetailDB\ncoupons\n  Extra inputs are not permitted [type=extra_forbidden, input_value={}, input_type=dict]\n" +
            "    For further information visit https://errors.pydantic.dev/2.13/v/extra_forbidden",
            e.Message);
    }

    [Fact]
    public void Tasks_and_splits_load_from_the_task_file()
    {
        Assert.Equal(114, Domain.LoadTasks("base").Count);
        Assert.Equal(74, Domain.LoadTasks("train").Count);
        Assert.Equal(40, Domain.LoadTasks("test").Count);
        Assert.Equal(114, Domain.LoadTasks(null).Count);
        Assert.Equal(["train", "test", "base"], Domain.SplitNames());
        Assert.Same(Domain.LoadTasks(null), Domain.LoadTasks(null, "base"));
        Assert.Throws<ArgumentException>(() => Domain.LoadTasks("base", "nonexistent"));
    }

    [Fact]
    public void Environment_carries_the_policy_and_tools_in_registry_order()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal("retail", env.DomainName);
        Assert.Equal(File.ReadAllText(Path.Combine(TestData.DataDir, "tau2", "domains", "retail", "policy.md")), env.Policy);
        Assert.Null(env.UserTools);
        Assert.Equal(
            ["calculate", "cancel_pending_order", "exchange_delivered_order_items", "find_user_id_by_name_zip", "find_user_id_by_email",
             "get_order_details", "get_product_details", "get_user_details", "list_all_product_types", "modify_pending_order_address",
             "modify_pending_order_items", "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items",
             "transfer_to_human_agents"],
            env.AgentTools.Tools.Select(t => t.Name));
    }

    [Fact]
    public void Tool_schemas_match_the_reference_structure() =>
        ToolSchemaAssert.MatchesReference(Domain.ToolSchemasJson(), "retail.json", Domain.CreateEnvironment().AgentTools);

    [Fact]
    public void A_tool_schemas_file_in_the_data_folder_overrides_the_embedded_one()
    {
        var root = Directory.CreateTempSubdirectory("tau2data-");
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "tau2", "domains", "retail"));
            File.WriteAllText(Path.Combine(dir.FullName, "tool_schemas.json"), """{"agent_tools": [], "user_tools": []}""");
            var domain = new RetailDomain(new Data.TauDataDirectory(root.FullName));
            Assert.Equal("""{"agent_tools": [], "user_tools": []}""", domain.ToolSchemasJson());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
