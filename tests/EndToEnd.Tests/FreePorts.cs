using System.Net;
using System.Net.Sockets;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>Loopback TCP ports that are free right now, for the Orleans endpoints (HTTP hosts bind port 0 themselves).</summary>
public static class FreePorts
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
