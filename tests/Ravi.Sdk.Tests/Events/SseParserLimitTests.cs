using System.Buffers;
using System.Text;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary>The parser's memory bounds: the per-event limit, and no giant buffer ever parked in an array pool.</summary>
public sealed class SseParserLimitTests
{
    [Theory]
    [InlineData(64 * 1024, 60 * 1024)]
    [InlineData(RaviEventStreamOptions.DefaultMaxEventSize, RaviEventStreamOptions.DefaultMaxEventSize - 16)]
    [InlineData(8 * 1024 * 1024, 5 * 1024 * 1024)]
    public async Task Buffers_larger_than_the_pooled_maximum_never_come_from_or_go_back_to_the_pool(int limit, int eventSize)
    {
        var pool = new RecordingPool();
        var input = Encoding.UTF8.GetBytes("id: 1\ndata: " + new string('q', eventSize) + "\n\n" + "data: a\ndata: " + new string('r', eventSize - 2) + "\n\n");
        using (var parser = new SseEventParser(new ChunkedStream(input.Chunk(7000)), null, limit, pool))
        {
            Assert.True(await parser.ReadNextAsync());
            Assert.Equal(eventSize, parser.Data.Length);
            Assert.True(await parser.ReadNextAsync());
            Assert.Equal(eventSize, parser.Data.Length);
            Assert.False(await parser.ReadNextAsync());
        }

        Assert.All(pool.Rented, length => Assert.True(length <= SseEventParser.MaxPooledBufferSize, $"rented {length} bytes from the pool"));
        Assert.Equal(pool.Rented.Order(), pool.Returned.Select(a => a.Length).Order()); // everything pooled went back…
        Assert.All(pool.Returned, array => Assert.True(array.All(b => b == 0), "a pooled buffer went back uncleared")); // …cleared
    }

    [Fact]
    public async Task A_line_past_the_limit_throws_before_the_rest_is_buffered()
    {
        var pool = new RecordingPool();
        var stream = new EndlessLineStream("data: ", maxBytes: 4L * 1024 * 1024);
        using var parser = new SseEventParser(stream, null, 100 * 1024, pool);

        await Assert.ThrowsAsync<SseEventTooLargeException>(() => parser.ReadNextAsync().AsTask());

        Assert.InRange(stream.BytesRead, 100 * 1024, 200 * 1024);
    }

    [Fact]
    public async Task Data_lines_adding_up_past_the_limit_throw()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("data: " + new string('d', 999) + "\n", 20)) + "\n");
        using var parser = new SseEventParser(new ChunkedStream([input]), null, 10_000);

        await Assert.ThrowsAsync<SseEventTooLargeException>(() => parser.ReadNextAsync().AsTask());
    }

    [Fact]
    public async Task While_it_waits_for_the_next_event_the_parser_holds_no_buffer()
    {
        var pool = new RecordingPool();
        using var stream = new ControlledStream();
        using var parser = new SseEventParser(stream, null, RaviEventStreamOptions.DefaultMaxEventSize, pool);

        stream.Send("id: 1\ndata: first\ndata: line\n\n"); // two data lines: the data buffer is rented too
        Assert.True(await parser.ReadNextAsync());
        Assert.Equal("first\nline", parser.Data);
        var next = parser.ReadNextAsync().AsTask(); // nothing more has arrived: the read waits
        Assert.False(next.IsCompleted);

        Assert.NotEmpty(pool.Rented);
        Assert.Equal(pool.Rented.Count, pool.Returned.Count); // every buffer went back while the stream is idle
        Assert.All(pool.Returned, array => Assert.True(array.All(b => b == 0), "a pooled buffer went back uncleared"));

        stream.Send("id: 2\ndata: sec");                      // a partial event is kept across the next wait…
        await Task.Yield();
        Assert.False(next.IsCompleted);
        stream.Send("ond\n\n");
        Assert.True(await next);                               // …and completed by the bytes that follow
        Assert.Equal("second", parser.Data);
        Assert.Equal("2", parser.Id);
    }

    [Fact]
    public async Task A_stream_that_completes_zero_byte_reads_at_once_is_parsed_as_before()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 500).Select(i => $"id: {i}\ndata: event {i}\n\n")));
        using var parser = new SseEventParser(new MemoryStream(input));

        for (var i = 1; i <= 500; i++)
        {
            Assert.True(await parser.ReadNextAsync());
            Assert.Equal($"event {i}", parser.Data);
        }

        Assert.False(await parser.ReadNextAsync());
    }

    private sealed class RecordingPool : ArrayPool<byte>
    {
        public List<int> Rented { get; } = [];

        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            var array = new byte[minimumLength];
            Rented.Add(array.Length);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            if (clearArray)
            {
                Array.Clear(array);
            }

            Returned.Add(array);
        }
    }
}
