using System.CommandLine;
using Tau2Observe.Cli.Output;
using Tau2Observe.Cli.Traffic;

namespace Tau2Observe.Cli.Commands;

/// <summary>
/// <c>tau2obs traffic</c>: the reference traffic generator (a2a.md §5) — evaluation requests over
/// A2A <c>message/stream</c> to a gateway, in normal or failure mode, with a summary of each.
/// </summary>
public static class TrafficCommand
{
    private const string DefaultGateway = "http://127.0.0.1:8766";

    public static Command Create()
    {
        var gateway = new Option<string?>("--gateway", "--tau2-url") { Description = $"gateway base URL; {GatewayRpcUrl.Path} is appended (default: $TAU2_AGENT_URL, else {DefaultGateway})" };
        var agents = new Option<string[]>("--mock-urls", "--mock-url") { Description = "A2A URLs of the agents under test, used in turn, separated by spaces or commas (default: $MOCK_AGENT_URLS, comma-separated)", AllowMultipleArgumentsPerToken = true };
        var count = new Option<int>("--count", "-n") { Description = "evaluation requests to send", DefaultValueFactory = _ => 5 };
        var mode = new Option<TrafficMode>("--mode")
        {
            Description = "normal, or failure (task ids that tend to score low)", DefaultValueFactory = _ => TrafficMode.Normal, CustomParser = ParseMode,
            HelpName = "normal|failure",
        };
        var domain = new Option<string?>("--domain") { Description = $"domain of every request (default: random per request among {string.Join(", ", TrafficSettings.Domains)})" };
        var numTasks = new Option<int>("--num-tasks") { Description = "tasks per evaluation (normal mode)", DefaultValueFactory = _ => 2 };
        var numTrials = new Option<int>("--num-trials") { Description = "trials per task (normal mode)", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int?>("--concurrency", "-c") { Description = "requests in flight at most (default: all at once, as the reference)" };
        var seed = new Option<int>("--seed") { Description = "seed of the random domain choice", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--timeout") { Description = "seconds of silence after which a stream is abandoned", DefaultValueFactory = _ => 300 };
        var json = new Option<bool>("--json") { Description = "print one JSON object on stdout" };

        var command = new Command("traffic", "Send evaluation requests to a gateway (the traffic generator)")
        {
            gateway, agents, count, mode, domain, numTasks, numTrials, concurrency, seed, timeout, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            return await CommandExit.RunAsync(stderr, async () =>
            {
                var settings = new TrafficSettings
                {
                    GatewayRpcUrl = GatewayRpcUrl.Parse(parse.GetValue(gateway) ?? Environment.GetEnvironmentVariable("TAU2_AGENT_URL") ?? DefaultGateway),
                    AgentUrls = AgentUrls(parse.GetValue(agents)),
                    Count = Positive(parse.GetValue(count), "--count"),
                    Mode = parse.GetValue(mode),
                    Domain = parse.GetValue(domain),
                    NumTasks = Positive(parse.GetValue(numTasks), "--num-tasks"),
                    NumTrials = Positive(parse.GetValue(numTrials), "--num-trials"),
                    Concurrency = parse.GetValue(concurrency) is { } c ? Positive(c, "--concurrency") : int.MaxValue,
                    Seed = parse.GetValue(seed),
                    Timeout = parse.GetValue(timeout) is var t && double.IsFinite(t) && t > 0 ? TimeSpan.FromSeconds(t) : throw new CliError("--timeout must be a positive number of seconds"),
                    UserModel = Environment.GetEnvironmentVariable("USER_LLM_MODEL"),
                    UserApiKey = Environment.GetEnvironmentVariable("GEMINI_API_KEY") ?? Environment.GetEnvironmentVariable("GOOGLE_API_KEY"),
                };
                using var http = CreateHttpClient(settings);
                stderr.WriteLine($"traffic: {settings.Count} {settings.Mode.ToString().ToLowerInvariant()} evaluation request(s) to {settings.GatewayRpcUrl}");
                var outcomes = await new TrafficGenerator(settings, http).RunAsync(o =>
                    stderr.WriteLine($"#{o.Request.Index} {o.Request.Domain}: {(o.Succeeded ? "ok" : "failed")} ({o.FinalState ?? "no state"}, {o.Seconds:0.0} s)"), ct);
                if (parse.GetValue(json)) parse.InvocationConfiguration.Output.WriteLine(TrafficOutput.ToJson(outcomes).ToJsonString(LoadTestOutput.Indented));
                else TrafficOutput.Write(Consoles.For(parse.InvocationConfiguration.Output), outcomes);
                return outcomes.All(o => o.Succeeded) ? 0 : 1;
            }, ct);
        });
        return command;
    }

    /// <summary>
    /// The reference sends the user-LLM settings as headers on every request and no Authorization; a gateway
    /// that wants a key gets it from <see cref="GatewayApiKey"/>.
    /// </summary>
    private static HttpClient CreateHttpClient(TrafficSettings settings)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // the A2A client enforces its own deadline
        if (GatewayApiKey.FromEnvironment() is { } key) http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        if (!string.IsNullOrWhiteSpace(settings.UserModel)) http.DefaultRequestHeaders.Add("X-User-LLM-Model", settings.UserModel);
        if (!string.IsNullOrWhiteSpace(settings.UserApiKey)) http.DefaultRequestHeaders.Add("X-User-LLM-API-Key", settings.UserApiKey);
        return http;
    }

    private static IReadOnlyList<string> AgentUrls(string[]? given)
    {
        // space- or comma-separated on the command line, comma-separated in the variable
        var urls = (given is { Length: > 0 } ? given : [Environment.GetEnvironmentVariable("MOCK_AGENT_URLS") ?? ""])
            .SelectMany(u => u.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        if (urls.Length == 0) throw new CliError("no agent under test: give --mock-urls or set MOCK_AGENT_URLS");
        foreach (var url in urls)
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                throw new CliError($"--mock-urls: '{url}' is not an http(s) URL");
        return urls;
    }

    // the default error names the .NET enum type and capitalizes its values
    private static TrafficMode ParseMode(System.CommandLine.Parsing.ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (token.Equals("normal", StringComparison.OrdinalIgnoreCase)) return TrafficMode.Normal;
        if (token.Equals("failure", StringComparison.OrdinalIgnoreCase)) return TrafficMode.Failure;
        result.AddError($"--mode: '{(token.Length <= 40 ? token : token[..40] + "…")}' is not a mode: give normal or failure");
        return default;
    }

    private static int Positive(int value, string name) => value > 0 ? value : throw new CliError($"{name} must be greater than 0");
}
