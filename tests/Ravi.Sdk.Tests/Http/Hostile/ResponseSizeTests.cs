using System.IO.Compression;
using System.Text;

namespace Ravi.Sdk.Tests.Http.Hostile;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringTests
{
    public const string Name = "Measures process-wide allocations";
}

/// <summary>Item 3 of issue 10: a response-size limit enforced while reading, also after decompression.</summary>
[Collection(MemoryMeasuringTests.Name)]
public sealed class ResponseSizeTests
{
    private const int MiB = 1024 * 1024;

    private static byte[] Gzip(int inflatedSpaces)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write("["u8);
            var spaces = new byte[MiB];
            spaces.AsSpan().Fill((byte)' ');
            for (var written = 0; written < inflatedSpaces; written += spaces.Length)
            {
                gzip.Write(spaces, 0, Math.Min(spaces.Length, inflatedSpaces - written));
            }

            gzip.Write("]"u8);
        }

        return output.ToArray();
    }

    [Fact]
    public void The_default_limit_is_16_MiB()
    {
        Assert.Equal(16 * MiB, new RaviClientOptions().MaxResponseBytes);
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_limit_while_inflating_with_bounded_memory()
    {
        var bomb = Gzip(64 * MiB); // ~64 KB on the wire, 64 MiB inflated
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, bomb, "application/json", ("Content-Encoding", "gzip")));
        using var client = HostileClients.Create(api);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var apiError = Assert.IsAssignableFrom<RaviApiException>(ex);
        Assert.Contains("MaxResponseBytes", apiError.Message, StringComparison.Ordinal);
        Assert.True(allocated < 56L * MiB, $"allocated {allocated / MiB} MiB to refuse a 64 MiB body with a 16 MiB limit");
        Assert.Single(api.Requests); // too large is not transient: not retried
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {2L * 1024 * MiB}\r\n\r\n[");
            await Task.Delay(Timeout.Infinite, x.Stopping); // the rest never comes
        });
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask(), seconds: 15);

        Assert.Contains("MaxResponseBytes", Assert.IsAssignableFrom<RaviApiException>(ex).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_model_larger_than_the_limit_is_refused()
    {
        var huge = "{\"uuid\":\"3f2b8c1e-1111-4222-8333-944455556666\",\"name\":\"" + new string('x', 200 * 1024) + "\"}";
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, huge));
        using var client = HostileClients.Create(api, o => o.MaxResponseBytes = 128 * 1024);

        var ex = await HostileClients.Failure(() => client.Identities.GetAsync(HostileClients.Identity));

        Assert.Contains("MaxResponseBytes", Assert.IsAssignableFrom<RaviApiException>(ex).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_list_under_the_limit_is_read_whole()
    {
        var items = string.Join(",", Enumerable.Range(0, 2000).Select(_ => HostileClients.IdentityJson));
        var body = Encoding.UTF8.GetBytes("[" + items + "]");
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            var head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            await x.SendAsync(head.ToString());
            for (var offset = 0; offset < body.Length; offset += 7000)
            {
                var n = Math.Min(7000, body.Length - offset);
                await x.SendAsync($"{n:x}\r\n");
                await x.SendAsync(body[offset..(offset + n)]);
                await x.SendAsync("\r\n");
            }

            await x.SendAsync("0\r\n\r\n");
        });
        using var client = HostileClients.Create(api, o => o.MaxResponseBytes = body.Length + 10);

        var identities = await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(2000, identities.Count);
    }
}
