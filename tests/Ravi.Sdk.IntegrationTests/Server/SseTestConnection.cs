using System.Net;
using System.Text;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>One frame of an event stream as the test reads it: the lines up to a blank line.</summary>
internal sealed record SseFrame(IReadOnlyList<string> Lines)
{
    public string? Field(string name) =>
        Lines.Where(l => l.StartsWith(name + ": ", StringComparison.Ordinal)).Select(l => l[(name.Length + 2)..]).FirstOrDefault();

    public string? Id => Field("id");
    public string? Event => Field("event");
    public string? Data => Field("data");
    public bool IsComment => Lines.Count > 0 && Lines.All(l => l.StartsWith(':'));
}

/// <summary>A raw <c>text/event-stream</c> connection over HttpClient, read frame by frame or byte by byte (deliberately not the SDK's parser).</summary>
internal sealed class SseTestConnection : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly StreamReader _reader;

    private SseTestConnection(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseTestConnection> OpenAsync(ServerApi api, string? lastEventId = null)
    {
        using var request = api.CreateRequest(HttpMethod.Get, "api/events/stream/");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        return new SseTestConnection(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Reads the next frame; <see langword="null"/> at a clean end of stream.</summary>
    public async Task<SseFrame?> ReadFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token);
            if (line is null)
            {
                return lines.Count == 0 ? null : throw new InvalidOperationException("Stream ended mid-frame: " + string.Join("|", lines));
            }

            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    return new SseFrame(lines);
                }

                continue;
            }

            lines.Add(line);
        }
    }

    /// <summary>Reads the next frame that is not a keepalive comment.</summary>
    public async Task<SseFrame> ReadEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await ReadFrameAsync(timeout) ?? throw new InvalidOperationException("Stream ended.");
            if (!frame.IsComment)
            {
                return frame;
            }
        }
    }

    /// <summary>Reads raw bytes until the connection ends; reports whether it ended with an error (abort) or cleanly.</summary>
    public async Task<(byte[] Bytes, bool Aborted)> ReadRawToEndAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var bytes = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                bytes.Write(buffer, 0, read);
            }

            return (bytes.ToArray(), false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return (bytes.ToArray(), true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _response.Dispose();
    }
}
