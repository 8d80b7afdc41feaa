namespace Tau2Observe.Cli.Commands;

/// <summary>
/// The key a gateway with <c>Gateway:ApiKeys</c> wants (<c>Authorization: Bearer</c>), for the commands that
/// call a gateway. Read from the environment only, so that it appears in no command line or process list.
/// </summary>
public static class GatewayApiKey
{
    public const string EnvironmentVariable = "TAU2OBS_GATEWAY_API_KEY";

    public static string? FromEnvironment() => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } key ? key : null;
}
