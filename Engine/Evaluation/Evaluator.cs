using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Evaluation;

/// <summary>
/// tau2's evaluator (tau2-engine §6): early exits, then the ENV (DB + ENV_ASSERTION), ACTION,
/// COMMUNICATE and NL_ASSERTION components combined by the task's reward basis.
/// As in upstream tau2, type <c>all</c> runs the NL judge when the basis contains NL_ASSERTION
/// (newer task files); the fork would raise instead, which its own data never triggers.
/// <paramref name="options"/> turns on corrections of the reference's defects (default: none).
/// </summary>
public sealed class Evaluator(IDomain domain, INlAssertionJudge? judge = null, GradingOptions? options = null)
{
    private readonly GradingOptions _options = options ?? GradingOptions.Tau2;

    public const string NothingToCheckNote =
        "Nothing in the reward basis can be checked for this task (corrected grading: not scored as a success)";

    public async Task<RewardInfo> EvaluateAsync(SimulationRun sim, TauTask task, EvaluationType type = EvaluationType.All, bool soloMode = false, CancellationToken ct = default)
    {
        if (!TerminationReason.IsEvaluable(sim.TerminationReason))
            return new RewardInfo
            {
                Reward = 0.0,
                Info = new PyDict { ["note"] = $"Simulation terminated prematurely. Termination reason: {sim.TerminationReason}" },
            };
        var criteria = task.EvaluationCriteria;
        if (criteria is null)
            return _options.StrictEmptyCriteria
                ? new RewardInfo { Reward = 0.0, Info = new PyDict { ["note"] = "No evaluation criteria. " + NothingToCheckNote } }
                : new RewardInfo { Reward = 1.0, Info = new PyDict { ["note"] = "No evaluation criteria" } };

        switch (type)
        {
            case EvaluationType.Env: return EnvComponent(sim, task, criteria, soloMode).Info;
            case EvaluationType.Action: return ActionComponent(sim, task, criteria).Info;
            case EvaluationType.Communicate: return CommunicateComponent(sim, criteria).Info;
            case EvaluationType.NlAssertions: return (await NlComponentAsync(sim, criteria, ct)).Info;
        }

        var basis = criteria.RewardBasis.ToHashSet();
        if (_options.StrictEmptyCriteria && !HasSomethingToCheck(criteria))
            return new RewardInfo { Reward = 0.0, RewardBasis = criteria.RewardBasis.ToList(), Info = new PyDict { ["note"] = NothingToCheckNote } };

        var env = EnvComponent(sim, task, criteria, soloMode);
        var action = ActionComponent(sim, task, criteria);
        var communicate = CommunicateComponent(sim, criteria);
        bool runNl = type == EvaluationType.AllWithNlAssertions || basis.Contains(RewardType.NlAssertion);
        (RewardInfo Info, ComponentResult Result)? nl = runNl ? await NlComponentAsync(sim, criteria, ct) : null;

        double reward = 1.0;
        var breakdown = new PyDict();
        void Apply(ComponentResult c)
        {
            reward *= c.Reward;
            if (c.Breakdown is not null) foreach (var (k, v) in c.Breakdown) breakdown[k] = v;
        }
        if (basis.Contains(RewardType.Db) || basis.Contains(RewardType.EnvAssertion)) Apply(env.Result);
        if (basis.Contains(RewardType.Action)) Apply(action.Result);
        if (basis.Contains(RewardType.NlAssertion)) Apply(nl!.Value.Result);
        if (basis.Contains(RewardType.Communicate)) Apply(communicate.Result);

        return new RewardInfo
        {
            Reward = reward,
            DbCheck = env.Info.DbCheck,
            EnvAssertions = env.Info.EnvAssertions,
            ActionChecks = action.Info.ActionChecks,
            NlAssertions = nl?.Info.NlAssertions,
            CommunicateChecks = communicate.Info.CommunicateChecks,
            RewardBasis = criteria.RewardBasis.ToList(),
            RewardBreakdown = breakdown,
            Info = new PyDict
            {
                ["env"] = env.Info.Info, ["nl"] = nl?.Info.Info, ["communicate"] = communicate.Info.Info, ["action"] = action.Info.Info,
            },
        };
    }

    /// <summary>Whether some component of the reward basis has anything to check (see <see cref="GradingOptions.StrictEmptyCriteria"/>).</summary>
    public static bool HasSomethingToCheck(EvaluationCriteria criteria) => criteria.RewardBasis.Any(b => b switch
    {
        // a DB comparison happens whenever actions or assertions are present, even as empty lists
        RewardType.Db => criteria.Actions is not null || criteria.EnvAssertions is not null,
        RewardType.EnvAssertion => criteria.EnvAssertions is { Count: > 0 },
        RewardType.Action => criteria.Actions is { Count: > 0 },
        RewardType.Communicate => criteria.CommunicateInfo is { Count: > 0 },
        RewardType.NlAssertion => criteria.NlAssertions is { Count: > 0 },
        _ => false,
    });

    private (RewardInfo Info, ComponentResult Result) EnvComponent(SimulationRun sim, TauTask task, EvaluationCriteria criteria, bool soloMode)
    {
        if (criteria.Actions is null && criteria.EnvAssertions is null)
        {
            var note = new PyDict { ["note"] = "No expected actions or env assertions" };
            return (new RewardInfo { Reward = 1.0, DbCheck = DbCheck(true), Info = note }, new ComponentResult(1.0, null, note));
        }

        var predicted = domain.CreateEnvironment(soloMode);
        try
        {
            predicted.SetState(task.InitialState, sim.Messages);
        }
        catch (EnvironmentStateException e)
        {
            throw new EvaluationFailedException("Replaying the trajectory failed: " + e.Message, e);
        }
        // the gold run is built once per task and shared; it is looked up after the replay, so a failing replay is reported first
        var gold = GoldRunMemo.Of(domain, task);
        // equal canonical JSON is what equal hashes stand for; comparing the databases directly skips hashing both
        bool dbMatch = DbComparer.CanonicallyEqual(predicted.AgentTools.Db, gold.AgentDb)
                       && DbComparer.CanonicallyEqual(predicted.UserTools?.Db, gold.UserDb);
        double dbReward = dbMatch ? 1.0 : 0.0;

        var checks = new List<PyDict>();
        double assertionReward = 1.0;
        foreach (var assertion in criteria.EnvAssertions ?? [])
        {
            bool met;
            try { met = predicted.RunEnvAssertion(assertion); }
            catch (Exception e) when (e is ToolCallException or EnvironmentStateException)
            {
                throw new EvaluationFailedException($"Environment assertion {assertion.FuncName} failed: {e.Message}", e);
            }
            checks.Add(new PyDict { ["env_assertion"] = assertion.ToPy(), ["met"] = met, ["reward"] = met ? 1.0 : 0.0 });
            if (!met) assertionReward = 0.0;
        }

        double reward = 1.0;
        var breakdown = new PyDict();
        if (criteria.RewardBasis.Contains(RewardType.Db)) { reward *= dbReward; breakdown[RewardType.Db] = dbReward; }
        if (criteria.RewardBasis.Contains(RewardType.EnvAssertion)) { reward *= assertionReward; breakdown[RewardType.EnvAssertion] = assertionReward; }
        var info = new RewardInfo { Reward = reward, DbCheck = DbCheck(dbMatch), EnvAssertions = checks, RewardBreakdown = breakdown };
        return (info, new ComponentResult(reward, breakdown, null));
    }

    private static PyDict DbCheck(bool match) => new() { ["db_match"] = match, ["db_reward"] = match ? 1.0 : 0.0 };

    private (RewardInfo Info, ComponentResult Result) ActionComponent(SimulationRun sim, TauTask task, EvaluationCriteria criteria)
    {
        if (criteria.Actions is not { Count: > 0 } gold)
        {
            var note = new PyDict { ["note"] = "No actions to evaluate" };
            var bd = new PyDict { [RewardType.Action] = 1.0 };
            return (new RewardInfo { Reward = 1.0, RewardBreakdown = bd, Info = note }, new ComponentResult(1.0, bd, note));
        }
        var predicted = sim.Messages.Where(m => m.IsAssistant || m.IsUser).SelectMany(m => m.ToolCalls ?? []).ToList();
        IReadOnlySet<string> notRequired = _options.SkipFailingGoldActions ? GoldRunMemo.Of(domain, task).FailedActionIds : new HashSet<string>();
        var checks = new List<PyDict>();
        var skipped = new List<object?>();
        double reward = 1.0;
        foreach (var action in gold)
        {
            bool match = predicted.Any(call => ActionMatcher.Matches(action, call));
            bool required = !notRequired.Contains(action.ActionId);
            if (!required) skipped.Add(action.ActionId);
            double actionReward = match || !required ? 1.0 : 0.0;
            checks.Add(new PyDict { ["action"] = action.ToPy(), ["action_match"] = match, ["action_reward"] = actionReward });
            if (actionReward == 0.0) reward = 0.0;
        }
        var breakdown = new PyDict { [RewardType.Action] = reward };
        var info = skipped.Count == 0 ? null : new PyDict
        {
            ["note"] = "Gold actions that fail on the gold environment are not required (corrected grading)",
            ["not_required"] = skipped,
        };
        return (new RewardInfo { Reward = reward, ActionChecks = checks, RewardBreakdown = breakdown, Info = info }, new ComponentResult(reward, breakdown, info));
    }

    private static (RewardInfo Info, ComponentResult Result) CommunicateComponent(SimulationRun sim, EvaluationCriteria criteria)
    {
        if (criteria.CommunicateInfo is not { Count: > 0 } required)
        {
            var note = new PyDict { ["note"] = "No communicate_info to evaluate" };
            var bd = new PyDict { [RewardType.Communicate] = 1.0 };
            return (new RewardInfo { Reward = 1.0, RewardBreakdown = bd, Info = note }, new ComponentResult(1.0, bd, note));
        }
        var checks = new List<PyDict>();
        double reward = 1.0;
        foreach (var info in required)
        {
            string needle = info.ToLowerInvariant();
            var hit = sim.Messages.FirstOrDefault(m => m.IsAssistant && m.HasTextContent
                && m.Content!.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal).Contains(needle, StringComparison.Ordinal));
            bool met = hit is not null;
            checks.Add(new PyDict
            {
                ["info"] = info,
                ["met"] = met,
                ["justification"] = met ? $"Information '{info}' communicated in the message:\n '{hit!.Content}'" : $"Information '{info}' not communicated.",
            });
            if (!met) reward = 0.0;
        }
        var breakdown = new PyDict { [RewardType.Communicate] = reward };
        return (new RewardInfo { Reward = reward, CommunicateChecks = checks, RewardBreakdown = breakdown }, new ComponentResult(reward, breakdown, null));
    }

    private async Task<(RewardInfo Info, ComponentResult Result)> NlComponentAsync(SimulationRun sim, EvaluationCriteria criteria, CancellationToken ct)
    {
        if (criteria.NlAssertions is not { Count: > 0 } assertions)
        {
            var bd = new PyDict { [RewardType.NlAssertion] = 1.0 };
            return (new RewardInfo { Reward = 1.0, NlAssertions = [], RewardBreakdown = bd }, new ComponentResult(1.0, bd, null));
        }
        if (judge is null) throw new EvaluationFailedException("NL assertions need a judge model, and none is configured.");
        var checks = await judge.JudgeAsync(sim.Messages, assertions, ct);
        double reward = checks.All(c => c.GetOrDefault("met") is true) ? 1.0 : 0.0;
        var breakdown = new PyDict { [RewardType.NlAssertion] = reward };
        return (new RewardInfo { Reward = reward, NlAssertions = checks, RewardBreakdown = breakdown }, new ComponentResult(reward, breakdown, null));
    }
}
