using System.Net;
using System.Net.Sockets;

namespace Tau2Observe.Cli.Clusters;

/// <summary>Distinct loopback TCP ports that are free now (all listeners are held until every port is known).</summary>
public static class FreeLoopbackPorts
{
    public static int[] Take(int count)
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
