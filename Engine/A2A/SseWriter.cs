using System.Text;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Writes server-sent events as a2a-sdk does: <c>data: json</c> lines ended by CRLF, a blank line
/// after each event, comment lines for keep-alive pings, and a flush after every write. Safe to use
/// from a heartbeat timer and the event producer at once.
/// </summary>
public sealed class SseWriter(Stream stream)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task WriteEventAsync(string data, CancellationToken ct = default)
    {
        var sb = new StringBuilder();
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n')) sb.Append("data: ").Append(line).Append("\r\n");
        sb.Append("\r\n");
        return WriteAsync(sb.ToString(), ct);
    }

    /// <summary>A comment line (<c>: text</c>), which clients ignore; keeps idle connections open through proxies.</summary>
    public Task WriteCommentAsync(string text, CancellationToken ct = default) =>
        WriteAsync(": " + text.ReplaceLineEndings(" ") + "\r\n\r\n", ct);

    public Task WritePingAsync(CancellationToken ct = default) =>
        WriteCommentAsync("ping - " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz"), ct);

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _gate.WaitAsync(ct);
        try
        {
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
