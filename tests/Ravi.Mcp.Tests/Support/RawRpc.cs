using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ravi.Mcp.Tests.Support;

/// <summary>
/// Hand-written MCP clients with no SDK: JSON-RPC text over a child's stdin/stdout (one message per line), over
/// Streamable HTTP (POST, answer as JSON or as an SSE stream) and over the legacy HTTP+SSE transport (GET an event stream,
/// POST to the endpoint it names). They prove that clients other than the C# one work.
/// </summary>
public abstract class RawRpc : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private int _nextId;

    /// <summary>Every raw line the server sent (stdio: each line of stdout).</summary>
    public List<string> Received { get; } = [];

    public static string InitializeParams(string version) =>
        $$$"""{"protocolVersion":"{{{version}}}","capabilities":{},"clientInfo":{"name":"raw-json-rpc","version":"0.1"}}""";

    /// <summary>Sends a request and returns the response with the same id (notifications in between are skipped).</summary>
    public async Task<JsonObject> RequestAsync(string method, string paramsJson = "{}")
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""";
        using var timeout = new CancellationTokenSource(Timeout);
        return await SendAsync(message, id, timeout.Token) ?? throw new InvalidOperationException("no response to " + method);
    }

    public async Task NotifyAsync(string method)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await SendAsync($$"""{"jsonrpc":"2.0","method":"{{method}}"}""", null, timeout.Token);
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task<JsonObject?> SendAsync(string message, int? id, CancellationToken cancellationToken);

    protected static bool IsResponse(JsonObject message, int id) =>
        message["id"] is JsonValue value && value.TryGetValue<int>(out var got) && got == id;

    /// <summary>Over stdin/stdout of a ravi-mcp process.</summary>
    public sealed class Stdio(McpProcess process) : RawRpc
    {
        protected override async Task<JsonObject?> SendAsync(string message, int? id, CancellationToken cancellationToken)
        {
            await process.Process.StandardInput.WriteAsync((message + "\n").AsMemory(), cancellationToken);
            await process.Process.StandardInput.FlushAsync(cancellationToken);
            if (id is not { } expected)
            {
                return null;
            }

            while (true)
            {
                var line = await process.Process.StandardOutput.ReadLineAsync(cancellationToken)
                           ?? throw new InvalidOperationException("ravi-mcp closed stdout:\n" + process.StderrText);
                Received.Add(line);
                if (JsonNode.Parse(line) is JsonObject response && IsResponse(response, expected))
                {
                    return response;
                }
            }
        }

        public override async ValueTask DisposeAsync() => await process.DisposeAsync();
    }

    /// <summary>Streamable HTTP: each message is a POST; the session id and protocol version go back as headers.</summary>
    public sealed class StreamableHttp(Uri endpoint, string apiKey) : RawRpc
    {
        private readonly HttpClient _http = new() { Timeout = Timeout };
        private string? _session;
        private string? _version;

        protected override async Task<JsonObject?> SendAsync(string message, int? id, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(message, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            if (_session is not null)
            {
                request.Headers.Add("Mcp-Session-Id", _session);
            }

            if (_version is not null)
            {
                request.Headers.Add("MCP-Protocol-Version", _version);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Headers.TryGetValues("Mcp-Session-Id", out var session))
            {
                _session = session.First();
            }

            if (id is not { } expected)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Received.Add(body);
            var messages = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? SseData(body).Select(d => JsonNode.Parse(d)).OfType<JsonObject>()
                : [JsonNode.Parse(body)!.AsObject()];
            var answer = messages.First(m => IsResponse(m, expected));
            if (answer["result"]?["protocolVersion"]?.GetValue<string>() is { } negotiated)
            {
                _version = negotiated;
            }

            return answer;
        }

        public override ValueTask DisposeAsync()
        {
            _http.Dispose();
            return ValueTask.CompletedTask;
        }

        private static IEnumerable<string> SseData(string body) =>
            body.Replace("\r\n", "\n").Split("\n\n").Select(e => string.Join('\n', e.Split('\n')
                .Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()))).Where(d => d.Length > 0);
    }

    /// <summary>The legacy HTTP+SSE transport: answers arrive on the GET stream, requests go to the endpoint it announces.</summary>
    public sealed class LegacySse : RawRpc
    {
        private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        private readonly string _apiKey;
        private HttpResponseMessage? _stream;
        private StreamReader? _reader;
        private Uri? _messages;

        private LegacySse(string apiKey) => _apiKey = apiKey;

        public Uri MessageEndpoint => _messages!;

        public static async Task<LegacySse> ConnectAsync(Uri sse, string apiKey)
        {
            var client = new LegacySse(apiKey);
            using var timeout = new CancellationTokenSource(Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, sse);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            request.Headers.Add("X-API-Key", apiKey);
            client._stream = await client._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            client._stream.EnsureSuccessStatusCode();
            client._reader = new StreamReader(await client._stream.Content.ReadAsStreamAsync(timeout.Token), Encoding.UTF8);
            var (type, data) = await client.NextEventAsync(timeout.Token);
            Assert.Equal("endpoint", type);
            client._messages = new Uri(sse, data);
            return client;
        }

        protected override async Task<JsonObject?> SendAsync(string message, int? id, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _messages) { Content = new StringContent(message, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-API-Key", _apiKey);
            using var response = await _http.SendAsync(request, cancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            if (id is not { } expected)
            {
                return null;
            }

            while (true)
            {
                var (type, data) = await NextEventAsync(cancellationToken);
                Received.Add(data);
                if (type == "message" && JsonNode.Parse(data) is JsonObject answer && IsResponse(answer, expected))
                {
                    return answer;
                }
            }
        }

        public override ValueTask DisposeAsync()
        {
            _reader?.Dispose();
            _stream?.Dispose();
            _http.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<(string Type, string Data)> NextEventAsync(CancellationToken cancellationToken)
        {
            string type = "message";
            var data = new StringBuilder();
            while (true)
            {
                var line = await _reader!.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("the SSE stream ended");
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        return (type, data.ToString());
                    }

                    continue;
                }

                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(data.Length > 0 ? "\n" : "").Append(line[5..].TrimStart());
                }
            }
        }
    }
}
