using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Tau2Observe.A2A.Tests;

/// <summary>The in-memory-backed gateway on a real loopback socket (free port), for clients outside this process.</summary>
public sealed class KestrelGateway : IDisposable
{
    public KestrelGateway()
    {
        Factory = new GatewayFactory { HeartbeatSeconds = 0.2 };
        Factory.Evaluations.TrialDuration = TimeSpan.FromMilliseconds(20);
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public GatewayFactory Factory { get; }

    public Uri BaseAddress { get; }

    public string RpcUrl => new Uri(BaseAddress, GatewayClient.RpcPath).ToString();

    public void Dispose() => Factory.Dispose();
}
