using System.Runtime.CompilerServices;
using System.Text;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Reads server-sent events: any of CRLF, LF or CR ends a line; a blank line ends an event;
/// comment lines (<c>:</c>) are skipped; one space after the field colon is dropped; several
/// <c>data:</c> lines join with <c>\n</c>; an unterminated last event is still delivered.
/// </summary>
public static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var data = new List<string>();
        string? eventType = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) yield return new SseEvent(string.Join('\n', data), eventType);
                data.Clear();
                eventType = null;
                continue;
            }
            if (line[0] == ':') continue;
            int colon = line.IndexOf(':');
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' ')) value = value[1..];
            switch (field)
            {
                case "data": data.Add(value); break;
                case "event": eventType = value; break;
                // "id" and "retry" do not matter to A2A clients
            }
        }
        if (data.Count > 0) yield return new SseEvent(string.Join('\n', data), eventType);
    }
}
