using System.Globalization;
using System.Text.RegularExpressions;

namespace Tau2Observe.Gateway;

/// <summary>
/// Reads the request phrasings used with the reference gateway, deterministically (no LLM):
/// <list type="bullet">
/// <item>"Run an evaluation on the {domain} domain for agent at {url}. Use {N} tasks and {T} trial(s)."</item>
/// <item>"Run an evaluation on the {domain} domain for agent at {url}. Run tasks: {id1}, {id2}."</item>
/// <item>"Please evaluate the agent at endpoint {url} using the {domain} domain. Run the evaluation with {N} tasks and 1 trial per task."</item>
/// <item>"Evaluate the agent at {url} on the mock domain with 3 tasks"; "oracle" instead of a URL means the built-in oracle.</item>
/// <item>"List available domains", "What domains can you evaluate?"</item>
/// <item>"Get the results of eval-..."</item>
/// </list>
/// </summary>
public static partial class NaturalLanguageRequestParser
{
    private static readonly HashSet<string> NotDomains = ["the", "a", "an", "this", "that", "which", "what", "each", "any", "same", "one", "every"];

    public static SkillCall Parse(string text)
    {
        string? url = Url().Match(text) is { Success: true } u ? u.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '"', '\'') : null;
        string rest = url is null ? text : text.Replace(url, " ", StringComparison.Ordinal);
        string? agent = url ?? (Oracle().IsMatch(rest) ? EvaluationParameters.OracleEndpoint : null);
        string? domain = FindDomain(rest);

        if (EvaluationId().Match(rest) is { Success: true } id && url is null && domain is null && Results().IsMatch(rest))
            return new SkillCall(GatewaySkill.GetResults, EvaluationId: id.Value);
        if (url is null && domain is null && Domains().IsMatch(rest) && ListIntent().IsMatch(rest))
            return SkillCall.ListDomains;
        if (url is null && domain is null && Evaluations().IsMatch(rest) && ListIntent().IsMatch(rest) && !EvaluateIntent().IsMatch(rest.Replace("evaluations", "", StringComparison.OrdinalIgnoreCase)))
            return SkillCall.ListEvaluations;
        if (url is null && domain is null && !EvaluateIntent().IsMatch(rest))
            return SkillCall.Help;

        return new SkillCall(GatewaySkill.RunEvaluation, new EvaluationParameters
        {
            Domain = domain,
            AgentEndpoint = agent,
            NumTasks = Count(TaskCount(), rest, "tasks"),
            NumTrials = Count(TrialCount(), rest, "trials"),
            TaskIds = TaskList().Match(rest) is { Success: true } list ? SplitTaskIds(list.Groups[1].Value) : null,
        });
    }

    private static string? FindDomain(string text)
    {
        foreach (var pattern in new[] { DomainAfterPreposition(), DomainAssignment(), DomainBeforeWord() })
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = m.Groups[1].Value.ToLowerInvariant();
                if (!NotDomains.Contains(name)) return name;
            }
        }
        return null;
    }

    private static int? Count(Regex pattern, string text, string what)
    {
        var m = pattern.Match(text);
        if (!m.Success) return null;
        // out-of-range and negative counts are reported by the parameter check, not silently dropped
        return int.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
            ? n
            : throw new Engine.A2A.JsonRpcException(Engine.A2A.JsonRpcErrorCodes.InvalidParams, $"The number of {what} is out of range.");
    }

    /// <summary>Splits "a, b, c" on commas outside brackets: telecom ids look like <c>[service_issue]lock_sim_card_pin[PERSONA:Hard]</c>.</summary>
    private static List<string> SplitTaskIds(string list)
    {
        var ids = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            char c = i < list.Length ? list[i] : ',';
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            else if (c == ',' && depth == 0)
            {
                var id = list[start..i].Trim();
                if (id.Length > 0) ids.Add(id);
                start = i + 1;
            }
        }
        return ids;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\boracle\b", RegexOptions.IgnoreCase)]
    private static partial Regex Oracle();

    [GeneratedRegex(@"\b(?:on|using|in|for|with|against)\s+the\s+([A-Za-z][\w-]*)\s+domain\b", RegexOptions.IgnoreCase)]
    private static partial Regex DomainAfterPreposition();

    [GeneratedRegex(@"\bdomain\s*[:=]\s*""?([A-Za-z][\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DomainAssignment();

    [GeneratedRegex(@"\b([A-Za-z][\w-]*)\s+domain\b", RegexOptions.IgnoreCase)]
    private static partial Regex DomainBeforeWord();

    [GeneratedRegex(@"(-?\d+)\s+tasks?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TaskCount();

    [GeneratedRegex(@"(-?\d+)\s+trials?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrialCount();

    /// <summary>"Run tasks: a, b, c." — the list ends at a sentence end (". ") or the end of the text.</summary>
    [GeneratedRegex(@"\btasks?(?:\s+ids?)?\s*:\s*(.+?)(?:\.\s|\.?\s*$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TaskList();

    [GeneratedRegex(@"\bdomains\b", RegexOptions.IgnoreCase)]
    private static partial Regex Domains();

    [GeneratedRegex(@"\b(?:list|what|which|show|available|supported|get)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListIntent();

    [GeneratedRegex(@"\b(?:evaluat\w*|assess\w*|benchmark\w*|run)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EvaluateIntent();

    [GeneratedRegex(@"\beval-[A-Za-z0-9_.-]+\b")]
    private static partial Regex EvaluationId();

    [GeneratedRegex(@"\bresults?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Results();

    [GeneratedRegex(@"\b(?:evaluations|results)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Evaluations();
}
