using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// Parses the same 10,000-event stream (Ravi-shaped email/sms events with ids, plus keepalive comments) with the SDK's
/// parser and with <see cref="SseParser"/> (the baseline). Both produce type, data and id strings per event.
/// Target (docs/performance.md#targets): time ≤ 1.0×, allocations ≤ 1.0×.
/// </summary>
[MemoryDiagnoser]
public class SseParseBenchmarks
{
    private const int EventCount = 10_000;
    private byte[] _payload = [];

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= EventCount; i++)
        {
            if (i % 100 == 0)
            {
                sb.Append(": keepalive\n\n");
            }

            sb.Append("id: ").Append(1_000_000 + i).Append('\n');
            if (i % 2 == 0)
            {
                sb.Append("event: email\ndata: {\"thread_id\":\"thread-").Append(i)
                  .Append("\",\"from_email\":\"noreply@example.com\",\"subject\":\"Your verification code\",\"preview\":\"Your code is ")
                  .Append(100_000 + i).Append(". It expires in 10 minutes.\"}\n\n");
            }
            else
            {
                sb.Append("event: sms\ndata: {\"conversation_id\":\"conv-").Append(i)
                  .Append("\",\"from_number\":\"+15551234567\",\"preview\":\"Your verification code is ")
                  .Append(100_000 + i).Append("\"}\n\n");
            }
        }

        _payload = Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Benchmark(Baseline = true)]
    public async Task<int> SseParserBaseline()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        var total = 0;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            total += item.Data.Length + item.EventType.Length + (item.EventId?.Length ?? 0);
        }

        return total;
    }

    [Benchmark]
    public async Task<int> RaviSseEventParser()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        using var parser = new SseEventParser(stream);
        var total = 0;
        while (await parser.ReadNextAsync())
        {
            total += parser.Data.Length + parser.EventType.Length + (parser.Id?.Length ?? 0);
        }

        return total;
    }

    /// <summary>The SDK's parser feeding <c>RaviEventFactory</c>: typed email/sms events, as the event stream yields them.</summary>
    [Benchmark]
    public async Task<int> RaviTypedEvents()
    {
        using var stream = new MemoryStream(_payload, writable: false);
        using var parser = new SseEventParser(stream);
        var total = 0;
        while (await parser.ReadNextAsync())
        {
            var e = RaviEventFactory.Create(parser.EventTypeUtf8, parser.DataUtf8, parser.Id);
            total += e.Data.Length + e.EventType.Length + (e.Id?.Length ?? 0);
        }

        return total;
    }
}
