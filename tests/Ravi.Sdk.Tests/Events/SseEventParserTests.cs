using System.Text;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary>
/// Table-driven WHATWG conformance cases for <see cref="SseEventParser"/>. Every case runs on the whole input, on the
/// input split in two at every position, split in three at every pair of positions (short inputs), and byte by byte.
/// </summary>
public sealed class SseEventParserTests
{
    private static readonly Dictionary<string, SseCase> Cases = BuildCases().ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void TheTableHasAtLeastFortyCases() => Assert.True(Cases.Count >= 40, $"only {Cases.Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task WholeInput(string name)
    {
        var c = Cases[name];
        await AssertParsesAsync(c, new ChunkedStream([c.Input]), "whole");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task SplitInTwoAtEveryPosition(string name)
    {
        var c = Cases[name];
        for (var i = 0; i <= c.Input.Length; i++)
        {
            await AssertParsesAsync(c, ChunkedStream.Split(c.Input, i), $"split at {i}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task SplitInThreeAtEveryPairOfPositions(string name)
    {
        var c = Cases[name];
        if (c.Input.Length > 80)
        {
            return; // quadratic; the two-way split and bytewise runs cover long inputs
        }

        for (var i = 0; i <= c.Input.Length; i++)
        {
            for (var j = i; j <= c.Input.Length; j++)
            {
                await AssertParsesAsync(c, ChunkedStream.Split(c.Input, i, j), $"split at {i},{j}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ByteByByte(string name)
    {
        var c = Cases[name];
        await AssertParsesAsync(c, ChunkedStream.Bytewise(c.Input), "bytewise");
    }

    [Fact]
    public async Task LinesLongerThanTheBufferAreReassembled()
    {
        var big = new string('x', 100_000) + "é";
        var input = Encoding.UTF8.GetBytes($"id: 1\ndata: {big}\ndata: {big}\n\ndata: tail\n\n");
        var random = new Random(42);
        var chunks = new List<byte[]>();
        for (var i = 0; i < input.Length;)
        {
            var n = Math.Min(random.Next(1, 5000), input.Length - i);
            chunks.Add(input[i..(i + n)]);
            i += n;
        }

        var events = await ParseAsync(new ChunkedStream(chunks), null);
        Assert.Equal(2, events.Events.Count);
        Assert.Equal(big + "\n" + big, events.Events[0].Data);
        Assert.Equal(("message", "tail", "1"), events.Events[1]);
    }

    [Fact]
    public async Task ManyEventsAcrossManyBufferRefills()
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= 5000; i++)
        {
            sb.Append("id: ").Append(i).Append("\r\nevent: sms\r\ndata: {\"n\":").Append(i).Append("}\r\n\r\n");
        }

        var input = Encoding.UTF8.GetBytes(sb.ToString());
        var chunks = input.Chunk(1000).ToArray();
        var result = await ParseAsync(new ChunkedStream(chunks), null);
        Assert.Equal(5000, result.Events.Count);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(("sms", $"{{\"n\":{i + 1}}}", (i + 1).ToString()), result.Events[i]);
        }
    }

    [Fact]
    public async Task DispatchesAtACarriageReturnWithoutWaitingForMoreBytes()
    {
        // A live stream that ends a read with "\r\r" must dispatch at once, not wait for a possible LF.
        using var stream = new ControlledStream().Send("data: now\r\r"); // then nothing, until cancelled
        using var parser = new SseEventParser(stream);
        var read = parser.ReadNextAsync(CancellationToken.None).AsTask();
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(read, finished);
        Assert.True(await read);
        Assert.Equal("now", parser.Data);
    }

    [Fact]
    public async Task InitialLastEventIdIsTheIdOfEventsWithoutOne()
    {
        using var parser = new SseEventParser(new ChunkedStream([Encoding.UTF8.GetBytes("data: a\n\nid: 9\ndata: b\n\n")]), "8");
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("8", parser.Id);
        Assert.False(parser.IdSetByEvent);
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("9", parser.Id);
        Assert.True(parser.IdSetByEvent);
        Assert.False(await parser.ReadNextAsync());
        Assert.Equal("9", parser.LastEventId);
    }

    [Fact]
    public async Task ReadsAfterTheEndKeepReturningFalse()
    {
        using var parser = new SseEventParser(new ChunkedStream([Encoding.UTF8.GetBytes("data: a\n\n")]));
        Assert.True(await parser.ReadNextAsync());
        Assert.False(await parser.ReadNextAsync());
        Assert.False(await parser.ReadNextAsync());
        Assert.True(parser.EndOfStream);
    }

    [Fact]
    public async Task HandsOutTypeAndDataAsUtf8AndReusesRecentTypeStrings()
    {
        using var parser = new SseEventParser(new ChunkedStream([Encoding.UTF8.GetBytes("event: email\ndata: 1\n\nevent: email\ndata: 2\n\nevent: custom\ndata: 3\ndata: é\n\nevent: custom\ndata: 4\n\ndata: 5\n\n")]));
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("email"u8.ToArray(), parser.EventTypeUtf8.ToArray());
        Assert.Equal("1"u8.ToArray(), parser.DataUtf8.ToArray());
        var email = parser.EventType;
        Assert.Equal("email", email);
        Assert.True(await parser.ReadNextAsync());
        Assert.Same(email, parser.EventType);
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("3\né"u8.ToArray(), parser.DataUtf8.ToArray()); // joined lines come from the data buffer
        Assert.Equal("3\né", parser.Data);
        var custom = parser.EventType;
        Assert.True(await parser.ReadNextAsync());
        Assert.Same(custom, parser.EventType);
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("message"u8.ToArray(), parser.EventTypeUtf8.ToArray());
        Assert.Same(SseEventParser.DefaultEventType, parser.EventType);
        Assert.False(await parser.ReadNextAsync());
        Assert.True(parser.DataUtf8.IsEmpty); // the last event's bytes are forgotten by the next read
    }

    private static async Task AssertParsesAsync(SseCase c, Stream stream, string how)
    {
        var result = await ParseAsync(stream, c.InitialId);
        Assert.True(c.Events.SequenceEqual(result.Events), $"{c.Name} ({how}): expected [{Format(c.Events)}] got [{Format(result.Events)}]");
        Assert.True(c.RetryMs == (long?)result.Retry?.TotalMilliseconds, $"{c.Name} ({how}): retry expected {c.RetryMs} got {result.Retry}");
        Assert.True(c.LastEventId == result.LastEventId, $"{c.Name} ({how}): last event id expected '{c.LastEventId}' got '{result.LastEventId}'");
    }

    private static async Task<ParseResult> ParseAsync(Stream stream, string? initialId)
    {
        using var parser = new SseEventParser(stream, initialId);
        var events = new List<(string, string, string?)>();
        while (await parser.ReadNextAsync())
        {
            events.Add((parser.EventType, parser.Data, parser.Id));
        }

        return new ParseResult(events, parser.ReconnectionTime, parser.LastEventId);
    }

    private static string Format(IEnumerable<(string Type, string Data, string? Id)> events) =>
        string.Join(", ", events.Select(e => $"({e.Type}, \"{e.Data.Replace("\n", "\\n")}\", {e.Id ?? "null"})"));

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Cat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static IEnumerable<SseCase> BuildCases()
    {
        static SseCase C(string name, byte[] input, params (string, string, string?)[] events) => new(name, input, events);
        const string M = "message";

        // Line endings
        yield return C("lf", U("data: hello\n\n"), (M, "hello", null));
        yield return C("crlf", U("data: hello\r\n\r\n"), (M, "hello", null));
        yield return C("cr", U("data: hello\r\r"), (M, "hello", null));
        yield return C("mixed line endings", U("data: a\rdata: b\ndata: c\r\n\r\n"), (M, "a\nb\nc", null));
        yield return C("cr then crlf", U("data: a\r\r\n"), (M, "a", null));
        yield return C("lf then cr", U("data: a\n\r"), (M, "a", null));
        yield return C("crlf pairs are one line end", U("data: a\r\n\r\ndata: b\r\n\r\n"), (M, "a", null), (M, "b", null));
        yield return C("crlf between data lines", U("data: a\r\ndata: b\r\nid: 1\r\n\r\n"), (M, "a\nb", "1")) with { LastEventId = "1" };
        yield return C("blank lines only", U("\n\r\n\r\n"));
        yield return C("empty stream", []);

        // Data
        yield return C("multi-line data joined with lf", U("data: a\ndata: b\ndata: c\n\n"), (M, "a\nb\nc", null));
        yield return C("empty data field dispatches empty string", U("data:\n\n"), (M, "", null));
        yield return C("data without colon", U("data\n\n"), (M, "", null));
        yield return C("two empty data lines", U("data\ndata\n\n"), (M, "\n", null));
        yield return C("no space after colon", U("data:hello\n\n"), (M, "hello", null));
        yield return C("only one leading space stripped", U("data:  hello\n\n"), (M, " hello", null));
        yield return C("trailing space kept", U("data: hello \n\n"), (M, "hello ", null));
        yield return C("colon inside value", U("data: a:b: c\n\n"), (M, "a:b: c", null));
        yield return C("tab not stripped", U("data:\thello\n\n"), (M, "\thello", null));
        yield return C("utf8 multibyte", U("data: héllo ✓ 😀\n\n"), (M, "héllo ✓ 😀", null));
        yield return C("invalid utf8 becomes replacement char", Cat(U("data: a"), [0xFF], U("b\n\n")), (M, "a\uFFFDb", null));
        yield return C("json payload", U("event: email\nid: 17\ndata: {\"thread_id\":\"t-1\",\"preview\":\"Your code is 123456\"}\n\n"), ("email", "{\"thread_id\":\"t-1\",\"preview\":\"Your code is 123456\"}", "17")) with { LastEventId = "17" };

        // Comments, unknown fields
        yield return C("comment only", U(": keepalive\n\n"));
        yield return C("comment between data lines", U("data: a\n: ignore me\ndata: b\n\n"), (M, "a\nb", null));
        yield return C("bare colon comment", U(":\ndata: x\n\n"), (M, "x", null));
        yield return C("unknown field ignored", U("foo: bar\ndata: a\nbaz\n\n"), (M, "a", null));
        yield return C("field names are case sensitive", U("Data: a\nEVENT: b\n\n"));
        yield return C("leading space makes unknown field", U(" data: x\n\n"));

        // Event type
        yield return C("event type", U("event: email\ndata: x\n\n"), ("email", "x", null));
        yield return C("empty event is message", U("event:\ndata: x\n\n"), (M, "x", null));
        yield return C("event type reset after dispatch", U("event: sms\ndata: 1\n\ndata: 2\n\n"), ("sms", "1", null), (M, "2", null));
        yield return C("event type reset by empty block", U("event: sms\n\ndata: 2\n\n"), (M, "2", null));
        yield return C("custom event type", U("event: ping\ndata: x\n\nevent: ping\ndata: y\n\n"), ("ping", "x", null), ("ping", "y", null));
        yield return C("last event field wins", U("event: a\nevent: b\ndata: x\n\n"), ("b", "x", null));
        yield return C("event after data still applies", U("data: x\nevent: sms\n\n"), ("sms", "x", null));

        // Ids
        yield return C("id", U("id: 1\ndata: x\n\n"), (M, "x", "1")) with { LastEventId = "1" };
        yield return C("id persists to later events", U("id: 1\ndata: a\n\ndata: b\n\n"), (M, "a", "1"), (M, "b", "1")) with { LastEventId = "1" };
        yield return C("id containing nul ignored", Cat(U("id: 1\ndata: a\n\nid: 2"), [0], U("x\ndata: b\n\n")), (M, "a", "1"), (M, "b", "1")) with { LastEventId = "1" };
        yield return C("empty id resets", U("id: 1\ndata: a\n\nid\ndata: b\n\n"), (M, "a", "1"), (M, "b", null)) with { LastEventId = "" };
        yield return C("id-only block sets last event id", U("id: 5\n\ndata: a\n\n"), (M, "a", "5")) with { LastEventId = "5" };
        yield return C("trailing id-only block", U("data: a\n\nid: 7\n\n"), (M, "a", null)) with { LastEventId = "7" };
        yield return C("non-ascii id", U("id: ïd-ü✓\ndata: x\n\n"), (M, "x", "ïd-ü✓")) with { LastEventId = "ïd-ü✓" };
        yield return C("id with spaces kept", U("id:  a b \ndata: x\n\n"), (M, "x", " a b ")) with { LastEventId = " a b " };
        yield return C("id of cut-off event does not reach last event id", U("id: 1\ndata: a\n\nid: 2\ndata: b\n"), (M, "a", "1")) with { LastEventId = "1" };
        yield return C("initial id used until changed", U("data: a\n\nid: 4\ndata: b\n\n"), (M, "a", "3"), (M, "b", "4")) with { InitialId = "3", LastEventId = "4" };
        yield return C("initial id is last event id without dispatch", U(": hi\n"), []) with { InitialId = "3", LastEventId = "3" };

        // End of stream
        yield return C("event without blank line discarded", U("data: a\n\ndata: b\n"), (M, "a", null));
        yield return C("unterminated line discarded", U("data: a\n\ndata: b"), (M, "a", null));
        yield return C("cr at end of stream ends the line", U("data: a\r\r"), (M, "a", null));

        // BOM
        yield return C("bom at start stripped", Cat([0xEF, 0xBB, 0xBF], U("data: a\n\n")), (M, "a", null));
        yield return C("bom later is not stripped", Cat([0xEF, 0xBB, 0xBF], U("data: a\n\n"), [0xEF, 0xBB, 0xBF], U("data: b\n\n")), (M, "a", null));
        yield return C("only one bom stripped", Cat([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], U("data: a\n\n")));
        yield return C("partial bom is data", Cat([0xEF, 0xBB], U("\n\ndata: a\n\n")), (M, "a", null));

        // Retry
        yield return C("retry", U("retry: 1500\n\n")) with { RetryMs = 1500 };
        yield return C("retry with letters ignored", U("retry: 15a\n\n"));
        yield return C("retry with extra space ignored", U("retry:  100\n\n"));
        yield return C("retry negative ignored", U("retry: -5\n\n"));
        yield return C("empty retry ignored", U("retry:\n\n"));
        yield return C("last valid retry wins", U("retry: 100\nretry: x\nretry: 200\ndata: a\n\nretry: 1.5\n\n"), (M, "a", null)) with { RetryMs = 200 };
        yield return C("retry zero", U("retry: 0\n\n")) with { RetryMs = 0 };

        // Several events
        yield return C("sequence", U("id: 1\nevent: email\ndata: {\"a\":1}\n\n: keepalive\n\nid: 2\nevent: sms\ndata: {\"b\":2}\n\nid: 3\ndata: plain\n\n"),
            ("email", "{\"a\":1}", "1"), ("sms", "{\"b\":2}", "2"), (M, "plain", "3")) with { LastEventId = "3" };
    }

    private sealed record SseCase(string Name, byte[] Input, (string Type, string Data, string? Id)[] Events)
    {
        public long? RetryMs { get; init; }

        public string LastEventId { get; init; } = "";

        public string? InitialId { get; init; }
    }

    private sealed record ParseResult(List<(string Type, string Data, string? Id)> Events, TimeSpan? Retry, string LastEventId);
}
