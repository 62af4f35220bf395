using System.Net;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Item 3 of issue 10, the reader itself: no size arithmetic overflow, and no giant buffer in the shared ArrayPool.</summary>
public sealed class ResponseReaderTests
{
    private static HttpResponseMessage Response(int bytes, HttpStatusCode status = HttpStatusCode.OK, bool declareLength = false)
    {
        var body = new byte[bytes];
        body.AsSpan().Fill((byte)'x');
        var content = new StreamContent(new ChunkedStream(body));
        if (declareLength)
        {
            content.Headers.ContentLength = bytes;
        }

        return new HttpResponseMessage(status) { Content = content, RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://ravi.test/api/x/") };
    }

    [Theory]
    [InlineData(16 * 1024, 1025L * 1024 * 1024)]
    [InlineData(512 * 1024 * 1024, 1024L * 1024 * 1024 + 1)]
    [InlineData(1024 * 1024 * 1024, 1024L * 1024 * 1024 + 1)]
    [InlineData(1_500_000_000, 1024L * 1024 * 1024 + 1)]
    public void Growing_never_overflows_and_never_passes_the_limit(int current, long max)
    {
        var next = RaviResponseReader.NextSize(current, max);

        Assert.InRange(next, 1, max);
        Assert.True(next >= Math.Min(2L * current, max) || next == max);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100 * 1024, true)]
    [InlineData(4 * 1024 * 1024, false)]
    public async Task Only_small_bodies_use_the_shared_pool(int bytes, bool pooled)
    {
        using var response = Response(bytes);

        await RaviResponseReader.BufferAsync(response, 16 * 1024 * 1024, CancellationToken.None);

        var content = Assert.IsType<RaviBufferedContent>(response.Content);
        Assert.Equal(bytes, content.Body.Length);
        Assert.Equal(pooled, content.IsPooled);
    }

    [Fact]
    public async Task An_error_body_is_cut_not_refused()
    {
        using var response = Response(1024 * 1024, HttpStatusCode.BadGateway);

        await RaviResponseReader.BufferAsync(response, 16 * 1024 * 1024, CancellationToken.None);

        var content = Assert.IsType<RaviBufferedContent>(response.Content);
        Assert.True(content.Truncated);
        Assert.Equal(RaviResponseReader.ErrorBodyLimit, content.Body.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_one_byte_over_the_limit_is_refused_and_one_at_the_limit_is_read(bool declareLength)
    {
        using var atLimit = Response(4096, declareLength: declareLength);
        using var over = Response(4097, declareLength: declareLength);

        await RaviResponseReader.BufferAsync(atLimit, 4096, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<RaviApiException>(() => RaviResponseReader.BufferAsync(over, 4096, CancellationToken.None));

        Assert.Equal(4096, ((RaviBufferedContent)atLimit.Content).Body.Length);
        Assert.Contains("MaxResponseBytes (4,096 bytes)", ex.Message, StringComparison.Ordinal);
    }
}
