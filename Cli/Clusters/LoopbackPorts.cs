using System.Net;
using System.Net.Sockets;

namespace Tau2Observe.Cli.Clusters;

/// <summary>Loopback ports that are free now, for hosts started on this machine (the embedded silo, test hosts).</summary>
public static class LoopbackPorts
{
    /// <summary>Distinct free ports: every listener is held until all the ports are known.</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
