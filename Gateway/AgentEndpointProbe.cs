using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// Before an evaluation starts, checks that something accepts connections at the agent's host and
/// port, so that a wrong or dead URL is one clear -32602 error instead of every simulation ending
/// in <c>agent_error</c>. Only reachability is checked: what the agent answers is the evaluation's business.
/// </summary>
public sealed class AgentEndpointProbe(IOptions<GatewayOptions> options)
{
    public async Task CheckAsync(string agentEndpoint, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.ProbeAgentEndpoint || agentEndpoint == EvaluationParameters.OracleEndpoint) return;
        var uri = new Uri(agentEndpoint);
        // no user info or query in the message: they may hold credentials
        string shown = $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.AgentProbeSeconds));
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(uri.DnsSafeHost, uri.Port, deadline.Token);
        }
        catch (SocketException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"The agent at {shown} is unreachable ({Describe(e.SocketErrorCode)}): check the URL and that the agent is running.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"The agent at {shown} did not accept a connection within {settings.AgentProbeSeconds:0.#} s: check the URL and that the agent is running.");
        }
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "no route to the host",
        _ => error.ToString(),
    };
}
