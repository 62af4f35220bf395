using System.Net;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Events;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Item 2 of issue 10: every timeout bounds the whole call, body included; event streams keep their silence timeout.</summary>
public sealed class BodyTimeoutTests
{
    [Fact]
    public async Task A_body_that_drips_after_the_headers_is_cut_by_the_attempt_and_overall_timeouts()
    {
        // The server drips a byte every 250 ms (real time, a real socket); the client's timeouts run on a fake clock that
        // moves only once a try has its headers (seen below the SDK, in the caller's HttpClient), so each timeout provably
        // cuts a body that is still arriving.
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[");
            for (var i = 0; i < 1000 && !x.Stopping.IsCancellationRequested; i++)
            {
                await Task.Delay(250, x.Stopping);
                await x.SendAsync(" ");
            }
        });
        var time = new ObservableTimeProvider();
        var headers = new HeadersSeen { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxResponseDrainSize = 0 } };
        using var http = new HttpClient(headers) { Timeout = Timeout.InfiniteTimeSpan }; // as AddRavi: the SDK reads the body after the headers
        using var client = new RaviClient(http, HostileClients.Options(api, o =>
        {
            o.TimeProvider = time;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.OverallTimeout = TimeSpan.FromSeconds(1.5);
        }));

        var call = client.Identities.ListAsync().ToListAsync().AsTask();
        await headers.WaitAsync(1);
        time.Advance(TimeSpan.FromSeconds(1)); // the first try's attempt timeout, mid-body: retried
        await headers.WaitAsync(2);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.5)); // the overall timeout, mid-body of the second try

        var ex = await HostileClients.Failure(() => call, seconds: 20);
        var timeout = Assert.IsType<RaviRequestTimeoutException>(ex);
        Assert.Equal(RaviTimeoutKind.Overall, timeout.Kind);
        Assert.Equal(2, api.Requests.Count); // a GET whose attempt timed out is retried, then the overall timeout ends it
    }

    [Fact]
    public async Task A_stalled_body_times_out_on_the_fake_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var stall = new ControlledStream().Send("[{\"uuid\":"); // then nothing: a server that stopped mid-body
        using var transport = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stall) });
        var options = TestClients.Options(time, "ravi_id_key");
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        options.MaxRetries = 0;
        using var client = TestClients.Create(options, transport);

        var call = client.Identities.ListAsync().ToListAsync().AsTask();
        await WaitUntilAsync(() => transport.Requests.Count == 1 && stall.Waiting > 0);
        time.Advance(TimeSpan.FromSeconds(1));

        var ex = await HostileClients.Failure(() => call, seconds: 10);
        var timeout = Assert.IsType<RaviRequestTimeoutException>(ex);
        Assert.Equal(RaviTimeoutKind.Attempt, timeout.Kind);
    }

    [Fact]
    public async Task An_event_stream_outlives_the_attempt_and_overall_timeouts_and_keeps_its_silence_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var body = new ControlledStream();
        using var transport = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body) { Headers = { { "Content-Type", "text/event-stream" } } },
        });
        var options = TestClients.Options(time, "ravi_id_key");
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        options.OverallTimeout = TimeSpan.FromSeconds(3);
        using var client = TestClients.Create(options, transport);
        var stream = client.ForIdentity(TestClients.Identity).Events
            .StreamAsync(new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.FromSeconds(60), MaxReconnectAttempts = 0 })
            .GetAsyncEnumerator();

        var next = stream.MoveNextAsync().AsTask();
        await WaitUntilAsync(() => transport.Requests.Count == 1);
        time.Advance(TimeSpan.FromSeconds(10)); // past both request timeouts, within the silence timeout
        body.Send("id: 1\ndata: {}\n\n");

        Assert.True(await HostileClients.Within(next, 10));
        Assert.Equal("1", stream.Current.Id);
        await stream.DisposeAsync();
    }

    /// <summary>A transport handler that counts responses whose headers arrived (the SDK reads the body after it returns).</summary>
    private sealed class HeadersSeen : DelegatingHandler
    {
        private readonly System.Threading.Channels.Channel<int> _seen = System.Threading.Channels.Channel.CreateUnbounded<int>();
        private int _count;

        public async Task WaitAsync(int count)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // a hang guard, real time
            while (await _seen.Reader.ReadAsync(guard.Token) < count)
            {
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            _seen.Writer.TryWrite(Interlocked.Increment(ref _count));
            return response;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the precondition was never reached");
    }
}
