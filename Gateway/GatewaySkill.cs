namespace Tau2Observe.Gateway;

/// <summary>What a request to the gateway asks for.</summary>
public enum GatewaySkill
{
    RunEvaluation,
    ListDomains,
    GetResults,
    /// <summary>Nothing recognisable: answer with how to phrase a request.</summary>
    Help,
}
