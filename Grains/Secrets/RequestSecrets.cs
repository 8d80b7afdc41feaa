namespace Tau2Observe.Grains.Secrets;

/// <summary>
/// What an evaluation keeps only encrypted: the caller's user-model API key, and the agent endpoint as
/// given when its user info or query was taken out of the endpoint shown everywhere else
/// (<see cref="Engine.A2A.AgentEndpointCredentials"/>). Either may be null.
/// </summary>
public sealed record RequestSecrets(string? UserApiKey, string? AgentEndpoint)
{
    public static readonly RequestSecrets None = new(null, null);

    public bool IsEmpty => UserApiKey is null && AgentEndpoint is null;

    // never print the values (logs, debugger displays, exception texts)
    public override string ToString() =>
        $"RequestSecrets(user key {(UserApiKey is null ? "none" : "redacted")}, agent endpoint {(AgentEndpoint is null ? "none" : "redacted")})";
}
