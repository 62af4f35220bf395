using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Tests.Events;

/// <summary>
/// A deterministic, misbehaving event-stream server: on each connection it resumes after the <c>Last-Event-ID</c> it
/// knows (from its first event when it does not know it), first replays a random number of events the client already
/// had, then sends a random number of events and cuts the connection (sometimes in the middle of an event). Numeric ids
/// (<c>1, 2, …</c>) or opaque string ids; with <see cref="RestartWhenCaughtUp"/> the server "restarts" once, when the
/// client has everything: its log is replaced by a new one whose numeric ids start at 1 again.
/// </summary>
internal sealed class ReplayingSseServer : HttpMessageHandler
{
    private readonly Random _random;
    private readonly bool _stringIds;
    private readonly int _maxReplay;
    private readonly List<(string Id, string Data)> _log = [];
    private readonly List<string> _expected = [];
    private int _incarnation;
    private int _connections;

    public ReplayingSseServer(int seed, bool stringIds, int events, int maxReplay = 20)
    {
        _random = new Random(seed);
        _stringIds = stringIds;
        _maxReplay = maxReplay;
        AppendIncarnation(events);
    }

    /// <summary>Whether the server restarts with a new log of <see cref="RestartEvents"/> events once the client resumes after its last event.</summary>
    public bool RestartWhenCaughtUp { get; init; }

    public int RestartEvents { get; init; } = 15;

    /// <summary>Every distinct event the server has, in order (old incarnation first).</summary>
    public IReadOnlyList<string> Expected => _expected;

    public int Connections => Volatile.Read(ref _connections);

    public int TotalEvents => _expected.Count + (RestartWhenCaughtUp && _incarnation == 1 ? RestartEvents : 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var connection = Interlocked.Increment(ref _connections);
        if (connection > 2000)
        {
            throw new InvalidOperationException("Too many connections: the reader is looping.");
        }

        var lastEventId = request.Headers.TryGetValues(RaviHeaders.LastEventId, out var values) ? values.Single() : null;
        if (RestartWhenCaughtUp && _incarnation == 1 && lastEventId == _log[^1].Id)
        {
            _log.Clear();
            AppendIncarnation(RestartEvents);
        }

        var start = lastEventId is null ? 0 : _log.FindIndex(e => e.Id == lastEventId) + 1; // unknown id: from the start
        var body = new StringBuilder();
        var replay = Math.Min(start, _random.Next(0, _maxReplay + 1));
        for (var i = start - replay; i < start; i++)
        {
            Append(body, _log[i]);
        }

        var send = _random.Next(1, 12);
        for (var i = start; i < Math.Min(_log.Count, start + send); i++)
        {
            Append(body, _log[i]);
        }

        if (start + send < _log.Count && _random.Next(3) == 0)
        {
            var partial = new StringBuilder();
            Append(partial, _log[start + send]);
            body.Append(partial.ToString(0, _random.Next(1, partial.Length - 1))); // cut inside the next event
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static void Append(StringBuilder body, (string Id, string Data) e) =>
        body.Append("id: ").Append(e.Id).Append("\nevent: sms\ndata: ").Append(e.Data).Append("\n\n");

    private void AppendIncarnation(int events)
    {
        _incarnation++;
        for (var i = 1; i <= events; i++)
        {
            var id = _stringIds ? $"evt_{_incarnation}_{(i * 7919) % 10007:x}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var data = $"{{\"conversation_id\":\"c{_incarnation}-{i}\",\"preview\":\"event {i} of life {_incarnation}\"}}";
            _log.Add((id, data));
            _expected.Add(data);
        }
    }
}
