using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// The <c>telecom</c> / <c>telecom-workflow</c> domain: dual control, an agent toolkit over the
/// carrier's database and a user toolkit over the phone, kept in step by <see cref="TelecomSync"/>.
/// The TOML databases and policy files are read once; each environment gets deep copies.
/// </summary>
public sealed class TelecomDomain : IDomain
{
    /// <summary>Task set name of the 20 single-issue tasks (<c>tasks_small.json</c>).</summary>
    public const string SmallTaskSet = "small";
    public const string DefaultSplit = "base";

    private readonly TauDataDirectory _data;
    private readonly TelecomVariant _variant;
    private readonly Lazy<PyRecord> _db;
    private readonly Lazy<PyRecord> _userDb;
    private readonly Lazy<string> _policy;
    private readonly Lazy<string> _soloPolicy;

    public TelecomDomain(TauDataDirectory data, TelecomVariant variant)
    {
        _data = data;
        _variant = variant;
        _db = new(() => LoadDb("db.toml", TelecomSchemas.Db));
        _userDb = new(() => LoadDb("user_db.toml", TelecomUserSchemas.Db));
        _policy = new(() => TelecomPolicy.Compose(Read(TelecomVariant.MainPolicyFile), Read(variant.TechPolicyFile)));
        _soloPolicy = new(() => TelecomPolicy.Compose(Read(TelecomVariant.MainPolicySoloFile), Read(variant.TechPolicySoloFile)));
    }

    public string Name => _variant.DomainName;

    /// <summary>Both variants read the same folder.</summary>
    private string Folder => _data.DomainDir("telecom");

    private string DataFile(string file) => _data.DomainFile("telecom", file);

    private string Read(string file) => File.ReadAllText(DataFile(file));

    private PyRecord LoadDb(string file, Data.Schema.ModelSchema schema)
    {
        var path = DataFile(file);
        try
        {
            return schema.Validate(TomlDocument.Load(path));
        }
        catch (ToolCallException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    public string Policy(bool soloMode = false) => soloMode ? _soloPolicy.Value : _policy.Value;

    public DomainEnvironment CreateEnvironment(bool soloMode = false) => CreateEnvironment(soloMode, BillIdGenerator.DefaultSeed);

    /// <summary>A fresh environment whose new draft-bill ids come from <paramref name="billIdSeed"/>.</summary>
    public DomainEnvironment CreateEnvironment(bool soloMode, int billIdSeed)
    {
        var tools = new TelecomTools(PyValue.DeepClone(_db.Value), new BillIdGenerator(billIdSeed));
        var phone = new TelecomUserTools(PyValue.DeepClone(_userDb.Value));
        if (soloMode)
        {
            // the solo agent gets both toolkits, so their tool names must not collide
            var clash = tools.Tools.Select(t => t.Name).Intersect(phone.Tools.Select(t => t.Name)).FirstOrDefault();
            if (clash is not null) throw new InvalidOperationException($"Tool '{clash}' exists in both telecom toolkits");
        }
        var env = new DomainEnvironment(Name, Policy(soloMode), tools, phone, soloMode, TelecomSync.Run);
        env.Sync();
        return env;
    }

    /// <summary>
    /// Tasks of a split in task-file order. The default task set is <c>tasks.json</c> (all 2,285
    /// tasks) with the splits of <c>split_tasks.json</c>; the <c>small</c> task set is
    /// <c>tasks_small.json</c>, which is itself a split (<c>small</c>), so there the default split
    /// and <c>small</c> both mean all of its tasks.
    /// </summary>
    public IReadOnlyList<TauTask> LoadTasks(string? split = DefaultSplit, string? taskSet = null)
    {
        if (IsSmall(taskSet))
        {
            var small = TelecomTaskFiles.Load(DataFile("tasks_small.json"));
            if (split is null or DefaultSplit or SmallTaskSet) return small;
            throw new ArgumentException($"Unknown task split '{split}' for task set '{SmallTaskSet}'. Valid splits: {SmallTaskSet}");
        }
        var file = DataFile("tasks.json");
        return TaskSetLoader.Select(TelecomTaskFiles.Load(file), TelecomTaskFiles.LoadSplits(file), split);
    }

    public IReadOnlyList<string> SplitNames(string? taskSet = null) =>
        IsSmall(taskSet) ? [SmallTaskSet] : TelecomTaskFiles.LoadSplits(DataFile("tasks.json")).Keys.ToList();

    private static bool IsSmall(string? taskSet) => taskSet switch
    {
        null or "full" or "telecom" or "telecom-workflow" or "telecom_full" => false,
        SmallTaskSet or "telecom_small" => true,
        _ => throw new ArgumentException($"Unknown telecom task set '{taskSet}'. Valid task sets: full (default), {SmallTaskSet}"),
    };

    /// <summary>The tool schemas offered to LLMs: the embedded ones, or the data folder's <c>tool_schemas.json</c>.</summary>
    public string ToolSchemasJson() => DomainToolSchemas.Load(Name, Folder);
}
