using System.Text;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.A2A.Tests;

public class SseTests
{
    [Fact]
    public async Task Writer_frames_events_and_pings_as_a2a_sdk_does()
    {
        var output = new MemoryStream();
        var writer = new SseWriter(output);
        await writer.WriteEventAsync("""{"a":1}""");
        await writer.WriteEventAsync("line1\nline2");
        await writer.WriteCommentAsync("ping - now");

        Assert.Equal("data: {\"a\":1}\r\n\r\ndata: line1\r\ndata: line2\r\n\r\n: ping - now\r\n\r\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Ping_is_a_comment_with_a_timestamp()
    {
        var output = new MemoryStream();
        await new SseWriter(output).WritePingAsync();
        Assert.Matches(@"^: ping - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00\r\n\r\n$", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Reader_accepts_every_line_ending(string eol)
    {
        var text = $"data: one{eol}{eol}: ping{eol}event: update{eol}data:two{eol}data:  three{eol}id: 5{eol}retry: 10{eol}{eol}data: tail";
        var events = await ReadAll(text);
        Assert.Equal(
            [new SseEvent("one"), new SseEvent("two\n three", "update"), new SseEvent("tail")],
            events);
    }

    [Fact]
    public async Task Comment_only_and_empty_events_are_skipped()
    {
        Assert.Empty(await ReadAll(": ping\r\n\r\n\r\n\r\n: another\r\n"));
    }

    [Fact]
    public async Task Writer_output_reads_back_event_by_event()
    {
        var output = new MemoryStream();
        var writer = new SseWriter(output);
        var payloads = new[] { """{"jsonrpc":"2.0","id":"r1","result":{"kind":"task"}}""", "multi\nline", "{}" };
        foreach (var p in payloads)
        {
            await writer.WritePingAsync();
            await writer.WriteEventAsync(p);
        }
        var events = await ReadAll(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(payloads, events.Select(e => e.Data));
    }

    private static async Task<List<SseEvent>> ReadAll(string text)
    {
        var events = new List<SseEvent>();
        await foreach (var e in SseReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)))) events.Add(e);
        return events;
    }
}
